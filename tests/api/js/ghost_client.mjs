// Drives Masthead's Content API with Ghost's own client, unchanged, and prints what it saw as JSON.
// Usage: node ghost_client.mjs <site url> <content key>
import GhostContentAPI from '@tryghost/content-api';

const [url, key] = process.argv.slice(2);
const api = new GhostContentAPI({url, key, version: 'v5.0'});

const latest = await api.posts.browse({limit: 5, include: 'authors,tags'});
const one = await api.posts.read({slug: latest[0].slug}, {formats: ['html', 'plaintext']});
const authors = await api.authors.browse({limit: 'all', include: 'count.posts'});
const tags = await api.tags.browse({limit: 'all'});
const tiers = await api.tiers.browse({include: 'monthly_price,yearly_price'});
const settings = await api.settings.browse();
const filtered = await api.posts.browse({filter: 'visibility:paid', limit: 3, fields: 'id,title,visibility,access'});

const everything = [];
let page = 1;
let pages = [];
while (page) {
    const batch = await api.posts.browse({limit: 15, page, fields: 'id,slug'});
    everything.push(...batch.map(p => p.id));
    pages.push(batch.meta.pagination);
    page = batch.meta.pagination.next;
}

let missing = null;
try {
    await api.posts.read({slug: 'there-is-no-such-post'});
} catch (err) {
    missing = {name: err.name, message: err.message, status: err.response && err.response.status};
}

let badKey = null;
try {
    await new GhostContentAPI({url, key: '0123456789abcdef0123456789', version: 'v5.0'}).posts.browse();
} catch (err) {
    badKey = {name: err.name, status: err.response && err.response.status};
}

console.log(JSON.stringify({
    latest: latest.map(p => ({id: p.id, slug: p.slug, primary_author: p.primary_author && p.primary_author.slug,
        primary_tag: p.primary_tag && p.primary_tag.slug, tags: p.tags.map(t => t.slug)})),
    latestMeta: latest.meta.pagination,
    one: {slug: one.slug, title: one.title, hasHtml: Boolean(one.html), hasPlaintext: Boolean(one.plaintext)},
    authors: authors.map(a => ({slug: a.slug, posts: a.count.posts})),
    tags: tags.map(t => t.slug),
    tiers: tiers.map(t => ({slug: t.slug, type: t.type, monthly_price: t.monthly_price})),
    settingsTitle: settings.title,
    filtered: filtered.map(p => p.visibility + ':' + p.access),
    everything,
    pages,
    missing,
    badKey,
}));
