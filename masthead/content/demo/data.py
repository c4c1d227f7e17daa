"""Demo content for the Masthead demo newsroom.

Everything in this file is fictional: the outlet, its staff, the startups
and the people quoted. Real companies and places are mentioned only as
neutral background. The data is plain Python literals so that the loader
can import it (or parse it with ``ast.literal_eval``) without side effects.
"""

from __future__ import annotations

SITE = {
    "name": "Circuit East",
    "initials": "CE",
    "color": "#0b3d5c",
    "postal_address": "Circuit East Media, 88 Example Road, Suite 5, Hong Kong",
    "tagline": "Independent reporting on China's technology industry and the people building it.",
}

SECTIONS = [
    {
        "slug": "startups",
        "title": "Startups",
        "description": "Founders, funding rounds and flameouts: how China's startups are built, financed and taken abroad.",
        "color": "#B03A2E",
    },
    {
        "slug": "ai",
        "title": "AI",
        "description": "Large models, the chips that train them and the rules that govern them, from Beijing labs to factory floors.",
        "color": "#5B3FA8",
    },
    {
        "slug": "hardware",
        "title": "Hardware",
        "description": "Phones, drones and the supply chains of the Pearl River Delta. Reported from Shenzhen and the markets Chinese devices now dominate.",
        "color": "#1F5F8B",
    },
    {
        "slug": "fintech",
        "title": "Fintech",
        "description": "Mobile payments, the digital yuan, consumer credit and the plumbing of money moving in and out of China.",
        "color": "#1E6E48",
    },
    {
        "slug": "policy",
        "title": "Policy",
        "description": "Regulation, antitrust, data security and local industrial policy, explained without the jargon.",
        "color": "#3A4453",
    },
    {
        "slug": "consumer",
        "title": "Consumer Tech",
        "description": "Super-apps, new retail, live-commerce and the everyday technology used by a billion people.",
        "color": "#9A4A0C",
    },
]

AUTHORS = [
    {
        "slug": "chen-yuting",
        "name": "Chen Yuting",
        "role": "Editor-in-chief, based in Shanghai",
        "bio": "Chen Yuting founded Circuit East after a decade covering China's internet industry for business dailies in Shanghai and Hong Kong. She has reported on every cycle from the group-buying wars to the large-model race, and edits the newsroom's long-form features. She studied economics at Fudan University and journalism in London.",
        "email": "chen.yuting@example.com",
        "staff_role": "editor",
    },
    {
        "slug": "zhou-min",
        "name": "Zhou Min",
        "role": "Deputy editor, policy and regulation, based in Beijing",
        "bio": "Zhou Min leads Circuit East's coverage of regulation, from antitrust and data security to local industrial policy. Before joining the newsroom he spent seven years as a legal reporter, much of it in courtrooms in Beijing and Tianjin. He reads draft regulations so readers do not have to.",
        "email": "zhou.min@example.com",
        "staff_role": "editor",
    },
    {
        "slug": "wang-lei",
        "name": "Wang Lei",
        "role": "Senior reporter, hardware, based in Shenzhen",
        "bio": "Wang Lei covers consumer electronics, drones and the supply chains of the Pearl River Delta. He grew up in Dongguan, worked briefly as a product manager at a phone accessories maker and has been walking the aisles of Huaqiangbei for more than ten years. His reporting on contract manufacturers has been cited in industry reports in Taipei and Seoul.",
        "email": "wang.lei@example.com",
        "staff_role": "writer",
    },
    {
        "slug": "he-jiaqi",
        "name": "He Jiaqi",
        "role": "AI and semiconductors reporter, based in Beijing",
        "bio": "He Jiaqi writes about artificial intelligence, chips and the research labs of Haidian. She holds a master's degree in computer science from Zhejiang University and worked as a data engineer before switching to journalism. She is especially interested in how models are actually deployed, rather than how they are announced.",
        "email": "he.jiaqi@example.com",
        "staff_role": "writer",
    },
    {
        "slug": "lin-xiaowen",
        "name": "Lin Xiaowen",
        "role": "Fintech reporter, based in Hangzhou",
        "bio": "Lin Xiaowen covers payments, consumer credit and the digital yuan from Hangzhou. She previously worked at a credit-rating agency, which left her with a lasting habit of asking for the footnotes. She also writes about cross-border e-commerce and the small sellers who depend on it.",
        "email": "lin.xiaowen@example.com",
        "staff_role": "writer",
    },
    {
        "slug": "guo-tianyu",
        "name": "Guo Tianyu",
        "role": "Social media manager based in Beijing",
        "bio": "Guo Tianyu runs Circuit East's social channels and newsletter, and reports on consumer apps, live-commerce and internet culture. Before joining the newsroom he produced short videos for a travel platform. He is the person to ask which mini-program everyone in the office is using this week.",
        "email": "guo.tianyu@example.com",
        "staff_role": "writer",
    },
    {
        "slug": "amara-okafor",
        "name": "Amara Okafor",
        "role": "Africa correspondent, based in Lagos",
        "bio": "Amara Okafor reports on Chinese technology companies in Africa, from phone makers and payment apps to the engineers who build telecoms networks. She previously covered markets and telecoms for a Nigerian business newspaper. She splits her time between Lagos and Nairobi.",
        "email": "amara.okafor@example.com",
        "staff_role": "writer",
    },
    {
        "slug": "priya-raman",
        "name": "Priya Raman",
        "role": "South and Southeast Asia correspondent, based in Singapore",
        "bio": "Priya Raman covers Chinese smartphone brands, e-commerce platforms and startups in India and Southeast Asia. She spent five years at a technology trade publication in Bengaluru before moving to Singapore. She speaks Tamil, Hindi and enough Mandarin to argue about phone prices.",
        "email": "priya.raman@example.com",
        "staff_role": "writer",
    },
    {
        "slug": "mathieu-laurent",
        "name": "Mathieu Laurent",
        "role": "Senior correspondent, startups and venture capital, based in Shanghai",
        "bio": "Mathieu Laurent has covered Chinese startups and the investors behind them since 2014, first for a French business weekly and now for Circuit East. He writes about funding cycles, founders and the companies trying to build global brands from China. He lives in Shanghai with a growing collection of failed gadgets.",
        "email": "mathieu.laurent@example.com",
        "staff_role": "writer",
    },
]

ARTICLES = [
    {
        "slug": "founders-say-chuhai-before-series-a",
        "section": "startups",
        "authors": ["mathieu-laurent"],
        "title": "Why Chinese founders now say 'chuhai' before they say 'Series A'",
        "dek": "Going overseas used to be the second act for successful Chinese startups. For a new generation of founders, facing a cautious home market and scarce capital, it is the business plan from day one.",
        "tags": ["Going global", "Venture capital", "Southeast Asia"],
        "access": "premium",
        "days_ago": 3,
        "featured": True,
        "language": "en",
        "hero_caption": "A paper boat made of shipping labels sets off across a map of the South China Sea.",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "At a demo day in Shanghai's Yangpu district last month, eleven of the fourteen startups on stage opened their pitch with the same slide: a world map, with China shaded in grey and somewhere else shaded in bright orange. Sometimes it was Indonesia, sometimes Saudi Arabia, twice it was Mexico. Only one founder spent more than a minute talking about Chinese customers, and she apologised for it.",
            ),
            (
                "paragraph",
                "The word everyone used was <i>chuhai</i>, literally “going out to sea.” For most of the last decade it described what mature companies did once they had won at home: Alibaba buying into Lazada, ByteDance turning Douyin into TikTok, Transsion selling phones in Africa. Today it is increasingly how companies are born. Founders register in Singapore or Hong Kong, hire engineers in Hangzhou or Chengdu, and sell almost exclusively abroad.",
            ),
            (
                "paragraph",
                "The reasons are partly financial. The pool of US dollar venture funds that once wrote early cheques for consumer apps has shrunk dramatically, and the yuan-denominated funds that replaced them tend to prefer hard-tech bets with a clear line to government priorities. A consumer startup without a semiconductor or robotics angle can struggle to raise a seed round at home. Foreign revenue, even modest foreign revenue, changes the conversation.",
            ),
            ("premium_break", None),
            ("heading", "Margins that do not exist at home"),
            (
                "paragraph",
                "The other reason is price. Domestic competition in e-commerce, food delivery and short video has become so intense that many founders describe the home market as a place where gross margins go to die. “In China I compete with three giants and two hundred copies of myself,” said Feng Rui, whose company sells smart pet feeders through its own website and Amazon. “In Germany I compete with a brand that charges four times my price for a worse product.” His company, founded in 2022, is profitable on sales of around 90 million yuan, nearly all of it in Europe.",
            ),
            (
                "quote",
                {
                    "text": "Five years ago, overseas revenue was the slide you put at the end to look ambitious. Now, if it is not on slide two, I stop listening.",
                    "attribution": "Ruby Xie, partner at a Shanghai early-stage fund",
                },
            ),
            (
                "paragraph",
                "Investors have adapted. Several early-stage funds now run bootcamps on European product-safety certification, Middle Eastern payment gateways and the tax implications of holding structures. One Shenzhen accelerator has a full-time staffer whose only job is to help companies set up warehouses in Poland. The questions at pitch meetings have changed too: customer acquisition cost on TikTok Shop, return rates in Brazil, whether a founder has a cofounder who has lived abroad.",
            ),
            (
                "paragraph",
                "The model carries risks that the pitch decks tend to skip. Trade tensions can turn a profitable export business into a loss-maker with a single tariff announcement, as several e-commerce sellers discovered when the United States ended duty-free treatment for low-value parcels from China. Platforms abroad can change their rules overnight. And founders who have never managed staff across time zones and legal systems often underestimate how long it takes to build trust with foreign retailers.",
            ),
            (
                "paragraph",
                "Still, few of the founders we spoke to see a way back to the old playbook. The domestic market is not disappearing, and many will return to it when conditions change. But a generation of entrepreneurs is learning to treat China as a base for engineering and manufacturing, not necessarily as the first place to sell. That is a quiet but significant change in how Chinese startups define success, and it is likely to outlast the current funding drought.",
            ),
        ],
    },
    {
        "slug": "guidance-funds-replace-dollar-vc",
        "section": "startups",
        "authors": ["mathieu-laurent"],
        "title": "The dollar funds are gone. Meet the state-backed guidance funds replacing them",
        "dek": "Government guidance funds now supply a large share of the capital in Chinese venture rounds. Founders say the money comes with different expectations, different timelines and a lot more paperwork.",
        "tags": ["Venture capital", "Local government", "Semiconductors"],
        "access": "premium",
        "days_ago": 48,
        "featured": False,
        "language": "en",
        "hero_caption": "A vault door opens onto a factory floor lined with identical cleanroom suits.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "When Tang Wenjie raised his company's first institutional round in 2019, the lead investor was a Silicon Valley-backed fund with an office in Beijing's Guomao district and a partner who liked to talk about network effects. When he closed his third round this spring, the cap table included a provincial industrial investment group, two city-level guidance funds and a bank-affiliated vehicle. “Nobody talked about network effects,” he said. “They talked about where my second production line would be.”",
            ),
            (
                "paragraph",
                "Tang's company makes precision sensors for industrial robots, which is exactly the kind of business China's state-backed capital wants to fund. Government guidance funds, which invest public money alongside private managers, have become a central pillar of Chinese venture financing as foreign dollar funds pulled back amid geopolitical tension and a weak exit market. Industry data suggest that state-linked investors now participate in a majority of early-stage rounds by value, a share that was far smaller five years ago.",
            ),
            ("premium_break", None),
            ("heading", "Capital with a postcode"),
            (
                "paragraph",
                "Founders describe guidance money as patient but place-bound. Many funds require the companies they back to register locally, build facilities locally or generate tax revenue locally within a set period. That can be a good deal for a hardware startup that needs a factory anyway. It is a harder fit for a software company whose main asset is thirty engineers who would rather stay in Hangzhou than relocate to a new industrial park in a city they have never visited.",
            ),
            (
                "paragraph",
                "Fund managers are also under pressure to avoid losses on public money, which changes how they evaluate risk. Several founders said due diligence now takes twice as long, with multiple layers of approval and legal review. One described submitting the same set of documents to four different entities in the same round. A partner at a private fund that co-invests with government vehicles said the trend has pushed valuations toward safer, later-stage companies, leaving genuinely early bets underfunded.",
            ),
            (
                "quote",
                {
                    "text": "The money is real and it is large. But a guidance fund is not trying to find the next ten-bagger. It is trying to build an industry in a specific place, and not lose money doing it.",
                    "attribution": "Cao Yiming, managing partner of a Suzhou-based venture firm",
                },
            ),
            (
                "paragraph",
                "Policymakers are aware of the problem. Recent guidelines from central authorities have encouraged local funds to tolerate higher failure rates in early-stage investments and to loosen some requirements around relocation. Shenzhen and Shanghai have both announced funds that explicitly target seed and angel rounds. Whether local officials, who are evaluated partly on the performance of these funds, will actually accept more failures is another question.",
            ),
            (
                "paragraph",
                "For now, founders are learning to speak the language. Pitch decks increasingly include a slide on local economic contribution: jobs created, tax paid, suppliers engaged within the province. Tang's deck had two. He does not regret taking the money, he said, but he has learned to read the term sheet's annexes before the headline valuation. “The valuation is the number in the email,” he said. “The real deal is in the attachment.”",
            ),
        ],
    },
    {
        "slug": "inside-qingyun-motors-collapse",
        "section": "startups",
        "authors": ["mathieu-laurent", "zhou-min"],
        "title": "Inside the collapse of an EV startup that promised a car for everyone",
        "dek": "Qingyun Motors raised billions of yuan, built a factory in Anhui and delivered fewer than 9,000 cars. Former employees, suppliers and local officials describe how it unravelled.",
        "tags": ["Electric vehicles", "Venture capital", "Local government"],
        "access": "members",
        "days_ago": 130,
        "featured": False,
        "language": "en",
        "hero_caption": "Rows of half-assembled car bodies fade into fog inside an empty factory hall.",
        "hero_credit": "Illustration: Ines Carvalho",
        "body": [
            (
                "paragraph",
                "The last car to leave Qingyun Motors' factory in Anhui province was a white compact hatchback with a cracked bumper, towed out by a supplier who had not been paid for its seats. Former employees say it happened on a Tuesday in March. By then the assembly line had been silent for four months, the company's app had stopped sending software updates and its headquarters in Shanghai had been quietly subleased to a cosmetics brand.",
            ),
            (
                "paragraph",
                "Qingyun was founded in 2018 with a slogan that appeared on billboards across eastern China: a smart electric car for the price of a good motorbike. At its peak the company employed more than 4,000 people and had raised about 11 billion yuan, much of it from local government funds in the cities that competed to host its plants. It delivered 8,700 vehicles in total, according to figures compiled by a former sales manager, a fraction of the 150,000 a year its factory was built to produce.",
            ),
            ("premium_break", None),
            ("heading", "A factory before a product"),
            (
                "paragraph",
                "Several former engineers said the company's problems began with the order in which it did things. The factory, financed largely by a municipal investment platform, was completed before the company had a finished vehicle design. Production targets set in the investment agreement pushed management to start manufacturing a model that engineers considered unready. Early buyers reported battery-management faults and a touchscreen that froze in cold weather, and a recall in its second year consumed much of the marketing budget.",
            ),
            (
                "quote",
                {
                    "text": "We were building a car to meet a contract, not to meet a customer. Everybody inside knew it.",
                    "attribution": "A former Qingyun powertrain engineer, who asked not to be named",
                },
            ),
            (
                "paragraph",
                "The wider market did not help. As China's EV price war intensified, larger manufacturers cut prices on entry-level models until Qingyun's value proposition disappeared. Its cheapest car, priced at just under 60,000 yuan, suddenly competed with vehicles from BYD and other established brands with larger batteries, better dealer networks and, crucially, a track record. Sales in the company's final full year fell by more than half.",
            ),
            (
                "paragraph",
                "Local officials who backed the company face an awkward legacy. The factory, which cost more than 3 billion yuan to build, is now being marketed to other automakers, and the district government says it has held talks with two interested parties. Former workers were owed several months of wages when operations stopped; most have since been paid through a settlement brokered by local labour authorities, according to three people familiar with it.",
            ),
            (
                "paragraph",
                "Qingyun's founder, who did not respond to requests for comment, has told associates he intends to restructure the company rather than liquidate it. Few of those we spoke to expect a revival. Its story has become a shorthand in investor circles for a particular kind of failure: one in which abundant local capital, ambitious targets and a crowded market combine to build a factory long before anyone has proved that people want the product inside it.",
            ),
        ],
    },
    {
        "slug": "996-officially-over-startups",
        "section": "startups",
        "authors": ["guo-tianyu", "chen-yuting"],
        "title": "'996' is officially over. At many startups, nobody told the calendar",
        "dek": "Big tech firms have publicised shorter hours and mandatory lights-out. At smaller companies, the long-hours culture has simply moved into group chats, weekends and unpaid 'optional' sprints.",
        "tags": ["Work culture", "Venture capital"],
        "access": "public",
        "days_ago": 212,
        "featured": False,
        "language": "en",
        "hero_caption": "An office clock whose numbers have been replaced by chat notification bubbles.",
        "hero_credit": "Illustration: Li Qiao",
        "body": [
            (
                "paragraph",
                "In 2021, a ruling from China's top court and the labour ministry described a schedule of 9 a.m. to 9 p.m., six days a week, as illegal. The phrase '996' had by then become a national shorthand for the exhausting culture of the internet industry, and several large technology firms made a show of abandoning it. Some switched off office lights at 6 p.m. on Wednesdays; others announced that weekend overtime would require managerial approval.",
            ),
            (
                "paragraph",
                "We spent two months talking to employees at startups in Beijing, Hangzhou and Shenzhen to see what had changed. The answer, for most, was the location of the work rather than its quantity. Only three of the twenty-seven people we interviewed said they regularly worked fewer than fifty hours a week. Nineteen said they were expected to respond to work messages on weekends, often within half an hour.",
            ),
            (
                "image",
                {
                    "caption": "Most of the startup employees we interviewed said work had moved from the office to messaging apps rather than disappearing.",
                    "credit": "Illustration: Li Qiao",
                },
            ),
            ("heading", "The group chat never closes"),
            (
                "paragraph",
                "Zhang Qian, a product designer at a Beijing education-technology startup, said her company ended formal Saturday shifts in 2022. What replaced them was a weekly “optional co-creation session” that nobody misses. “Nobody has ever been punished for not coming,” she said. “Also, nobody who did not come has ever been promoted.” She estimates that she spends about ten hours a week answering messages from her manager outside office hours.",
            ),
            (
                "paragraph",
                "Founders tend to see the issue differently. Several said the pressure comes from the market, not from their own preferences, and that companies competing with better-funded rivals cannot afford a slower pace. “If my competitor ships a feature on Monday and I ship it on Thursday, I lose the customer,” said the chief executive of a logistics software firm in Hangzhou. He said he offers generous time off after product launches as compensation, a practice others described as common but unevenly applied.",
            ),
            (
                "quote",
                {
                    "text": "The slogan changed faster than the business model. As long as startups are judged on growth every quarter, hours will stay long.",
                    "attribution": "Liang Yu, a labour sociologist at a university in Guangzhou",
                },
            ),
            (
                "paragraph",
                "There are signs of a generational shift. Younger employees are more willing to change jobs, and recruiters say candidates now ask about overtime during interviews in a way that was rare five years ago. A handful of startups have begun advertising four-day weeks or hard cut-offs for messaging as recruitment perks. Whether those experiments survive the next funding crunch will say a lot about how far the culture has really moved.",
            ),
            (
                "paragraph",
                "For now, the most common response among the people we interviewed was a kind of pragmatic resignation. Many described setting their own limits, such as muting work groups after 10 p.m. or refusing to install company apps on a personal phone, rather than waiting for rules to change. “I cannot fix the industry,” Zhang said. “But I can decide that my phone goes in a drawer on Sunday afternoon. That is my own small labour law.”",
            ),
        ],
    },
    {
        "slug": "pebblecrest-robot-vacuum-founder-qa",
        "section": "startups",
        "authors": ["wang-lei"],
        "title": "Q&A: The founder selling robot vacuums to Germans on what 'made in China' means now",
        "dek": "Sun Haoran built Pebblecrest Home Robotics into one of Europe's fastest-growing vacuum brands without a single store in China. He talks about pricing, patents and why he hires engineers before marketers.",
        "tags": ["Going global", "Europe", "Hardware startups", "Innovation"],
        "access": "members",
        "days_ago": 88,
        "featured": False,
        "language": "en",
        "search_phrase": "Pebblecrest",
        "hero_caption": "A small round robot crosses a checkerboard floor that gradually turns into a map of Europe.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "Sun Haoran spent eight years as an engineer at an appliance maker in Suzhou before founding Pebblecrest Home Robotics in 2020. The company sells robot vacuums and window-cleaning robots almost entirely in Germany, France and the Nordic countries, and says its revenue passed 600 million yuan last year. We met in his Shenzhen office, where a dozen prototypes were bumping into chair legs in a glass-walled test room. The interview has been edited for length and clarity.",
            ),
            (
                "paragraph",
                "<b>Why did you decide not to sell in China at all?</b> When we started, there were already more than fifty robot vacuum brands in China, and the big ones were selling at prices I could not match. I did the maths and realised I would spend all my money on advertising on Chinese platforms. In Germany, customers read reviews, they compare specifications and they pay for reliability. That suited an engineering company better than a marketing competition.",
            ),
            ("premium_break", None),
            (
                "paragraph",
                "<b>Chinese brands used to compete on price abroad. Is that still the strategy?</b> Not for us. Our vacuums are priced in the middle of the market, above the cheapest Chinese brands and below the premium European ones. What we sell is features that arrive two years earlier than the competition. The supply chain in Shenzhen and Dongguan lets us change a design, test it and have it in production in weeks. A European company with a factory in Asia cannot move that fast.",
            ),
            ("heading", "On patents and copying"),
            (
                "paragraph",
                "<b>Some people in Europe still associate Chinese hardware with copying. Do you encounter that?</b> Less and less. Ten years ago it was a fair criticism of a lot of the industry. Now we file more patents than some of our European competitors, and we have had our own designs copied by other Chinese companies. We spend about 14 percent of revenue on research and development. I tell my team that when people copy you, it means you are doing something right, but it also means you need to be faster.",
            ),
            (
                "paragraph",
                "<b>How do you think about what 'made in China' means to your customers?</b> Honestly, most of them do not think about it. They think about whether the robot gets stuck under the sofa. Our box says designed in Shenzhen, and some customers find that interesting, because they have read about the city. But the brand has to stand on its own. If the product is good, the country becomes a detail. If it is bad, the country becomes the excuse.",
            ),
            (
                "quote",
                {
                    "text": "If the product is good, the country becomes a detail. If it is bad, the country becomes the excuse.",
                    "attribution": "Sun Haoran, founder of Pebblecrest Home Robotics",
                },
            ),
            (
                "paragraph",
                "<b>What worries you most?</b> Trade policy. We moved part of our final assembly to Hungary last year, partly to be closer to customers and partly because nobody knows what tariffs will look like in two years. It added cost, but it also taught us a lot about manufacturing outside China. The Shenzhen supply chain is still the heart of the company. I just do not want it to be the only heart.",
            ),
        ],
    },
    {
        "slug": "hangzhou-garden-tools-amazon",
        "section": "startups",
        "authors": ["lin-xiaowen"],
        "title": "How a Hangzhou startup built a $200 million business selling garden tools on Amazon",
        "dek": "Greenstep started as a three-person team reselling hedge trimmers. Its rise, and its near-death during a platform crackdown on fake reviews, tells the story of China's cross-border e-commerce boom.",
        "tags": ["Going global", "Cross-border payments", "Europe"],
        "access": "public",
        "days_ago": 301,
        "featured": False,
        "language": "en",
        "hero_caption": "A garden hose loops around a globe, watering shipping containers instead of flowers.",
        "hero_credit": "Illustration: Ines Carvalho",
        "body": [
            (
                "paragraph",
                "Greenstep's headquarters, on the fourth floor of an office block near Hangzhou's Xixi wetland, does not look like the base of a company that sells more cordless lawnmowers in Britain than several established European brands. There is a table-tennis table, a shelf of sample hedge trimmers and a whiteboard covered in weather forecasts for Manchester, Lyon and Ohio. “Rain is our biggest competitor,” said cofounder Ye Jun. “If it rains all of May in England, we have a bad year.”",
            ),
            (
                "paragraph",
                "The company was founded in 2015 by Ye and two former classmates who had worked at an export trading firm. They began by buying garden tools from factories in Zhejiang's Jinhua and Yongkang, towns that had long supplied Western retailers under other brands, and reselling them on Amazon's British site. Within three years they were designing their own products, and by last year revenue had reached about $200 million, according to the company, with most sales in the UK, Germany and the United States.",
            ),
            (
                "image",
                {
                    "caption": "Factories in Zhejiang's hardware towns supplied Western retailers for decades before brands like Greenstep began selling directly to consumers.",
                    "credit": "Illustration: Ines Carvalho",
                },
            ),
            ("heading", "The review crackdown"),
            (
                "paragraph",
                "In 2021 Amazon suspended the accounts of a large number of Chinese sellers over practices including incentivised reviews, in a sweep that hit some of the biggest names in cross-border e-commerce. Greenstep lost two of its five store accounts for several weeks. Ye said the company had used a third-party agency that offered customers gift cards in exchange for reviews, a practice he now calls a serious mistake. Sales fell by a third that quarter, and the company laid off a fifth of its staff.",
            ),
            (
                "quote",
                {
                    "text": "We thought we were good at products. The crackdown showed us that we were good at Amazon. Those are different things, and only one of them is a real business.",
                    "attribution": "Ye Jun, cofounder of Greenstep",
                },
            ),
            (
                "paragraph",
                "The episode forced a strategic change. Greenstep built its own website, signed distribution deals with two British DIY chains and opened a customer-service team in Manchester staffed by local hires. Today about 40 percent of its revenue comes from outside Amazon. It has also invested in battery design, developing a common battery platform that works across its mowers, trimmers and leaf blowers, a feature that encourages customers to keep buying from the same brand.",
            ),
            (
                "paragraph",
                "The company's story mirrors a wider shift in cross-border e-commerce from anonymous sellers to brands. Hangzhou, home to Alibaba and thousands of export sellers, has built an ecosystem of logistics firms, payment providers and marketing agencies around that shift. Local officials regularly cite cross-border exports as a growth driver. But sellers face rising costs, from advertising fees on Amazon to new competition from Temu and Shein, both of which sell directly to foreign consumers at very low prices.",
            ),
            (
                "paragraph",
                "Ye is cautious about the future. The company is considering assembling batteries in Mexico to serve the US market and has applied for safety certifications in Australia. He does not plan to raise outside capital, preferring to grow from profits after watching several competitors burn through venture funding. “Garden tools are not exciting,” he said, picking up a trimmer from the sample shelf. “That is why they are a good business. Nobody is going to make a super-app for hedges.”",
            ),
        ],
    },
    {
        "slug": "xiancheng-kuajing-dianshang-nianqingren",
        "section": "startups",
        "authors": ["guo-tianyu"],
        "title": "回到县城做跨境电商：一群年轻人的小生意与大世界",
        "dek": "在浙江、福建和河南的一些县城，越来越多年轻人放弃大城市的工作，回乡用一台电脑、几家工厂和海外电商平台，做起了卖向全球的生意。",
        "tags": ["Going global", "Work culture", "Local government"],
        "access": "public",
        "days_ago": 156,
        "featured": False,
        "language": "zh",
        "search_phrase": "县城电商",
        "hero_caption": "一条县城小街上，快递包裹堆成的小山通向远处的集装箱码头。",
        "hero_credit": "Illustration: Li Qiao",
        "body": [
            (
                "paragraph",
                "早上八点半，二十七岁的许晴已经坐在自家楼下改造的小办公室里。办公室只有十几平方米，墙上贴着一张世界地图，桌上摆着三台显示器和一箱刚从工厂拿来的样品。三年前，她还在上海一家互联网公司做运营，每天通勤两个小时。如今，她在浙江一个县城经营着一家跨境电商小店，主要向美国和欧洲卖家居收纳用品，去年的销售额接近八百万元。",
            ),
            (
                "paragraph",
                "许晴并不是个例。在浙江、福建、河南和山东的不少县城，人们把这种模式称为“县城电商”：年轻人回到家乡，依托本地工厂的产能，通过亚马逊、速卖通、希音和拼多多旗下的海外平台，把小商品直接卖给外国消费者。与在一线城市相比，这里的房租和人力成本低得多，离工厂也更近，改一个产品设计，往往当天就能拿到新样品。",
            ),
            ("heading", "离工厂近，离市场远"),
            (
                "paragraph",
                "这种模式的优势显而易见，难处也同样明显。许晴说，最难的不是找工厂，而是理解远在万里之外的顾客。她曾经以为美国人喜欢颜色鲜艳的收纳盒，结果退货率很高；后来她花了好几个月研究海外社交媒体上的家居博主，才发现很多人更在意尺寸是否适合公寓里的柜子。“工厂就在隔壁，但顾客在地球另一边，”她说，“所有的功课都要靠屏幕来做。”",
            ),
            (
                "quote",
                {
                    "text": "以前大家觉得回县城是退路，现在很多人觉得这是另一种出路。关键是你能不能把本地的产业带和海外的需求真正连起来。",
                    "attribution": "陈立新，一家县级跨境电商协会的秘书长",
                },
            ),
            (
                "paragraph",
                "地方政府也看到了机会。不少县市设立了跨境电商产业园，为入驻的小团队提供免费办公场地、培训课程和物流补贴，有的还与海外仓服务商合作，帮助卖家降低运费。一位县商务局的工作人员告诉我们，当地去年新增的跨境电商经营主体超过三百家，其中一半以上的负责人不到三十五岁。但他也坦言，补贴只能帮人起步，能不能活下来还要看产品和运营能力。",
            ),
            (
                "paragraph",
                "风险同样不小。海外平台规则频繁调整，广告费用不断上涨，贸易政策的变化也可能让一门生意在几周内由盈转亏。许晴的一位同学去年因为店铺被平台封禁，库存积压在海外仓里，最后只能低价清仓。许晴说，她现在会把利润的一部分留作“风险金”，同时尝试在两个以上的平台开店，避免把所有鸡蛋放在一个篮子里。",
            ),
            (
                "paragraph",
                "对许晴来说，回到县城最大的收获不是钱，而是时间。她每天下午五点半下班，周末可以陪父母去菜市场。她承认，县城的生活有时显得单调，招到懂外语、懂运营的人才也不容易。但当她看到自己设计的收纳盒出现在一位德国用户的厨房照片里时，她觉得这份工作和在大城市时一样有意义。“世界变小了，”她说，“至少在快递单上是这样。”",
            ),
        ],
    },
    {
        "slug": "opinion-stop-calling-startups-the-x-of-china",
        "section": "startups",
        "authors": ["chen-yuting"],
        "title": "Opinion: Stop calling every Chinese startup 'the X of China'",
        "dek": "The habit of describing Chinese companies by reference to American ones made sense in 2010. Today it obscures more than it explains, and it leads investors and reporters to ask the wrong questions.",
        "tags": ["Innovation", "Venture capital", "Super-apps"],
        "access": "public",
        "days_ago": 365,
        "featured": False,
        "language": "en",
        "hero_caption": "A row of mirrors, each reflecting a different logo back at the viewer.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "Every few weeks, a press release arrives in our inbox describing a startup as “the Stripe of China” or “the Notion of China.” Occasionally it comes from the company itself, more often from an investor or a public-relations agency eager to make a Chinese business legible to foreign readers. We delete the phrase from our copy every time. I want to explain why, because the habit says something about how the world still thinks about Chinese innovation.",
            ),
            (
                "paragraph",
                "The comparison once had a certain logic. In the early years of China's internet, many successful companies really did start by adapting American models: search engines, portals, online marketplaces, microblogs. Calling Baidu “the Google of China” was imprecise but useful shorthand for readers who had never used it. The label also reflected a real hierarchy of ideas, in which business models tended to travel from Silicon Valley to Beijing, with a delay of a year or two.",
            ),
            ("heading", "The arrows now point both ways"),
            (
                "paragraph",
                "That hierarchy no longer holds. WeChat's combination of messaging, payments and mini-programs has been studied, and imitated, by companies across Asia and beyond. Short-video feeds driven by recommendation algorithms, popularised by ByteDance, reshaped social media everywhere. Live-commerce, super-cheap cross-border shopping and the integration of offline stores with online payments all developed first, or furthest, in China. Describing these companies by reference to American counterparts gets the direction of influence backwards.",
            ),
            (
                "paragraph",
                "The label also hides what is actually interesting. A payments company in Hangzhou faces entirely different constraints from one in San Francisco: a central bank that has built its own digital currency, a market dominated by two wallets, and merchants who have never owned a card terminal. Calling it “the Stripe of China” tells the reader nothing about these conditions. Worse, it encourages investors to evaluate the company on a template that does not fit.",
            ),
            (
                "quote",
                {
                    "text": "A label borrowed from elsewhere tells you what a company resembles. It never tells you what problem it solves, or for whom.",
                    "attribution": "Chen Yuting, editor-in-chief",
                },
            ),
            (
                "paragraph",
                "None of this means Chinese companies never copy. Many still do, from each other as much as from abroad, and the speed of imitation in sectors like bike sharing or robot vacuums is part of the story we cover. But copying is now one strategy among many, not the defining feature of an entire ecosystem. Chinese firms file more patents than anyone else, lead in batteries and commercial drones, and increasingly set the pace in consumer electronics.",
            ),
            (
                "paragraph",
                "So here is our modest editorial policy. We will describe companies by what they do, where they do it and who pays them. When a comparison to a foreign company genuinely helps, we will make it specific and explain its limits. And when a press release promises us the next “X of China,” we will ask a different question: what would it take for someone abroad to describe their startup as the next version of this one? That day has already arrived for more companies than the labels suggest.",
            ),
        ],
    },
    {
        "slug": "shanghai-vcs-want-lab-equipment",
        "section": "startups",
        "authors": ["mathieu-laurent"],
        "title": "Shanghai's hard-tech pivot: why VCs now want lab equipment, not food delivery",
        "dek": "Investors who once funded consumer apps are now crowding into scientific instruments, industrial software and robotics. The shift is reshaping which founders get funded and what a successful exit looks like.",
        "tags": ["Venture capital", "Semiconductors", "Manufacturing"],
        "access": "premium",
        "days_ago": 560,
        "featured": False,
        "language": "en",
        "hero_caption": "A microscope lens magnifies a spreadsheet of funding rounds.",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "Five years ago, the partners at Huaiyuan Capital spent much of their time in cafes, testing food-delivery apps and meeting founders who promised to change how young people bought coffee. Today the firm's Shanghai office has a small wet lab, staffed by a former chemist whom the fund hired to help evaluate startups making mass spectrometers and gene-sequencing reagents. “We used to ask how many daily active users you had,” said partner Dai Ming. “Now we ask what your measurement error is.”",
            ),
            (
                "paragraph",
                "The change at Huaiyuan reflects a broad reorientation of Chinese venture capital toward what investors call <i>yingkeji</i>, or hard technology. Consumer-internet deals have dwindled as growth in the domestic internet market slowed and regulators tightened oversight of platform companies. At the same time, government policy has prioritised self-sufficiency in areas such as semiconductors, industrial software and scientific instruments, many of which China still imports from the United States, Europe and Japan.",
            ),
            ("premium_break", None),
            ("heading", "A different kind of founder"),
            (
                "paragraph",
                "The pivot has changed who gets funded. The typical founder in Huaiyuan's recent portfolio is in their late thirties or forties, holds a doctorate and has spent years at a research institute or a multinational. Several returned from jobs abroad. They tend to be less polished pitchers than the consumer founders of the 2010s, and investors say they often underestimate how long it takes to sell to hospitals, factories or state-owned laboratories with slow procurement cycles.",
            ),
            (
                "paragraph",
                "Exits also look different. The STAR Market, launched on the Shanghai Stock Exchange in 2019 for technology companies, has become the main target for hard-tech startups, and its listing requirements favour firms with substantial research spending. That has aligned investor incentives with policy goals, but it has also made funds heavily dependent on a single exit channel. When regulators slowed the pace of new listings, several funds found their portfolios stuck.",
            ),
            (
                "quote",
                {
                    "text": "Hard tech is the right direction for the country. But it is a slower, lumpier business than the one most Chinese VCs learned on, and a lot of them are still learning.",
                    "attribution": "Dai Ming, partner at Huaiyuan Capital",
                },
            ),
            (
                "paragraph",
                "Not everyone is convinced the shift is healthy. Some investors worry that capital is crowding into the same few categories, bidding up valuations for any company with a plausible import-substitution story. One partner at a dollar-denominated fund said he had seen three startups in a single month pitching almost identical domestic versions of a particular industrial sensor. “The herd has moved,” he said. “It has not stopped being a herd.”",
            ),
            (
                "paragraph",
                "For consumer founders, the message is sobering. Several told us they now describe their businesses in technical terms to attract attention, emphasising proprietary algorithms or supply-chain software rather than the products customers actually buy. Dai is sympathetic but unrepentant. The fund still does occasional consumer deals, he said, but only where the company has a real technical edge. “Nobody is against coffee,” he said. “We just want to see the machine.”",
            ),
        ],
    },
    {
        "slug": "ev-startup-shakeout-by-the-numbers",
        "section": "startups",
        "authors": ["zhou-min"],
        "title": "The EV startup shakeout, by the numbers",
        "dek": "Hundreds of companies registered to make electric cars in China over the past decade. A handful are thriving. We tracked what happened to the rest, and what the winners did differently.",
        "tags": ["Electric vehicles", "Venture capital", "Manufacturing"],
        "access": "premium",
        "days_ago": 27,
        "featured": False,
        "language": "en",
        "hero_caption": "A racetrack in which most lanes end abruptly in piles of spare parts.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "At the height of China's electric-vehicle investment boom, around 2018 and 2019, the number of companies registered with an interest in making new-energy vehicles ran into the hundreds. Some were serious automakers with engineering teams and factories. Many were little more than a business licence, a concept car and a memorandum of understanding with a local government. Today the number of brands delivering meaningful volumes of cars can be counted on two hands.",
            ),
            (
                "paragraph",
                "We compiled a dataset of 62 EV startups that announced funding rounds of more than 500 million yuan between 2015 and 2021, using public filings, company statements and local-government announcements. Of those, 14 are still producing cars at scale, 11 have been acquired or merged into other groups, and 37 have stopped production, entered bankruptcy proceedings or never delivered a vehicle at all. Those 37 companies raised, by our conservative estimate, more than 100 billion yuan.",
            ),
            ("premium_break", None),
            (
                "image",
                {
                    "caption": "Of 62 well-funded EV startups we tracked, fewer than a quarter are still producing cars at scale.",
                    "credit": "Illustration: Circuit East Studio",
                },
            ),
            ("heading", "What the survivors share"),
            (
                "paragraph",
                "The survivors have a few things in common. Most reached production with a single model before expanding, rather than announcing a full lineup. Most controlled their own software and electronic architecture, allowing them to update cars over the air and differentiate on features rather than price alone. And most secured backing from a mix of private investors, strategic partners and local governments, rather than relying heavily on one source of capital that could disappear in a downturn.",
            ),
            (
                "paragraph",
                "The failures, by contrast, often share a pattern of building manufacturing capacity far ahead of demand. In 21 of the 37 cases, a factory with an annual capacity of at least 100,000 vehicles was built or substantially built before the company had delivered 10,000 cars. Many of those plants were financed by local-government investment platforms in exchange for headquarters relocations, a model that left several cities holding idle industrial buildings when the startups failed.",
            ),
            (
                "quote",
                {
                    "text": "The industry did not lack money. It lacked patience, and it lacked anyone willing to say no to a factory.",
                    "attribution": "Pan Lihua, an automotive analyst in Shanghai",
                },
            ),
            (
                "paragraph",
                "The price war of recent years has accelerated the consolidation. Established manufacturers, led by BYD, cut prices aggressively, squeezing margins for everyone and making it almost impossible for a small brand to compete at the entry level. Regulators have urged automakers to avoid disorderly competition, and industry bodies have called for consolidation, but analysts expect more smaller brands to exit or be absorbed in the coming years.",
            ),
            (
                "paragraph",
                "None of this means the boom was a waste. The investment built supply chains for batteries, motors and automotive chips that now serve the entire industry, and trained tens of thousands of engineers who moved on to surviving companies. China is now the world's largest exporter of cars. But the numbers are a reminder that industrial success at the national level can coexist with enormous losses at the level of individual companies, investors and towns.",
            ),
        ],
    },
    {
        "slug": "founders-move-to-singapore-engineers-stay",
        "section": "startups",
        "authors": ["priya-raman", "mathieu-laurent"],
        "title": "Founders are moving to Singapore. Their engineers are staying in Chengdu",
        "dek": "A growing number of Chinese startups are headquartering in Singapore to reassure foreign customers and investors. Day to day, most of the work still happens in China.",
        "tags": ["Going global", "Southeast Asia", "Venture capital"],
        "access": "members",
        "days_ago": 9,
        "featured": False,
        "language": "en",
        "hero_caption": "A video call splits the screen between Singapore's skyline and a Chengdu tea house.",
        "hero_credit": "Illustration: Ines Carvalho",
        "body": [
            (
                "paragraph",
                "In a co-working space on Singapore's Robinson Road, the receptionist has learned to greet visitors in Mandarin. About a third of the companies renting desks are founded by people from mainland China, according to the building's manager, and several more have registered addresses there without anyone showing up at all. The desks are often empty by mid-afternoon. That is when their founders join video calls with the teams who actually build their products, in Chengdu, Hangzhou or Shenzhen.",
            ),
            (
                "paragraph",
                "The practice of incorporating in Singapore while keeping operations in China has become common among startups that sell abroad. Founders say a Singapore headquarters makes it easier to open bank accounts, sign contracts with Western customers and raise money from investors who are wary of exposure to China. Some go further, moving their families and obtaining residency. Others visit only for board meetings and legal paperwork.",
            ),
            ("premium_break", None),
            ("heading", "Reassurance, at a price"),
            (
                "paragraph",
                "Wu Zihan, who runs a software company selling inventory tools to small retailers in Indonesia and Vietnam, moved to Singapore last year. His 60-person engineering team remains in Chengdu, where salaries are roughly a third of what he would pay locally. “Customers in Jakarta want to sign with a Singapore company,” he said. “They do not want to think about whose data laws apply.” He estimates the move costs him about 1.5 million yuan a year in rent, legal fees and his own travel.",
            ),
            (
                "paragraph",
                "Lawyers say a change of address does not by itself change how regulators see a company. Data generated in China remains subject to Chinese rules, and foreign governments increasingly examine where a company's staff, servers and owners are located, not only where it is incorporated. Several founders said they had been asked detailed questions by foreign enterprise customers about where their engineers work and who can access customer data.",
            ),
            (
                "quote",
                {
                    "text": "Singapore gives you a clean letterhead. It does not give you a new history. Serious customers will ask where the code is written.",
                    "attribution": "Grace Tan, a corporate lawyer in Singapore",
                },
            ),
            (
                "paragraph",
                "Singapore itself has mixed feelings about the trend. The influx has brought investment, tenants and high-spending residents, but it has also raised concerns about companies using the city as a flag of convenience. The city-state's authorities have said they welcome genuine business activity but expect companies to have real substance locally. Some founders respond by hiring sales, compliance and finance staff there, while leaving engineering in China.",
            ),
            (
                "paragraph",
                "For now, the split model seems likely to persist. Chinese engineering talent remains abundant and relatively affordable, while foreign customers want the reassurance of a neutral jurisdiction. Wu spends his mornings with customers in Southeast Asia and his evenings on calls with Chengdu. He says he sometimes misses hotpot more than his old apartment. “My company has two homes,” he said. “My stomach only has one.”",
            ),
        ],
    },
    {
        "slug": "large-model-price-war-explained",
        "section": "ai",
        "authors": ["he-jiaqi"],
        "title": "China's large-model price war, explained",
        "dek": "Chinese AI companies have cut the price of using their models to a fraction of a cent. Who started it, who can afford it, and what it means for the startups building on top.",
        "tags": ["Large language models", "Platform economy", "Venture capital"],
        "access": "public",
        "days_ago": 1,
        "featured": True,
        "language": "en",
        "hero_caption": "A price tag on a glowing neural network is slashed again and again with red marker.",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "If you build software on top of a Chinese large language model, you have probably never paid so little for so much. Prices for API access, the per-token fees developers pay to send text to a model and receive an answer, have fallen by well over 90 percent at most major providers since the spring of 2024. Some lightweight models are now free. For the companies offering them, the question is no longer how to charge for intelligence, but how long they can afford to give it away.",
            ),
            (
                "paragraph",
                "The price war is usually traced to May 2024, when DeepSeek, a Hangzhou-based lab, priced its new model at a small fraction of prevailing rates. Within weeks ByteDance, Alibaba Cloud, Baidu and Tencent had all announced steep cuts of their own. Each new round of model releases since has brought further reductions, and the sharpest competition has moved from raw price to bundles of free usage, cheaper long-context processing and discounts for enterprise customers.",
            ),
            ("heading", "Why cut prices so far?"),
            (
                "paragraph",
                "There are three explanations, and they are not mutually exclusive. The first is technical: engineering improvements, including more efficient model architectures and better inference software, have genuinely reduced the cost of serving each request. The second is strategic: large cloud providers see models as a way to sell computing, storage and databases, and can subsidise the model to win the customer. The third is simple market share. Developers who build on one model tend to stay with it, so being cheapest early may pay later.",
            ),
            (
                "quote",
                {
                    "text": "Nobody is making money on tokens right now. Everyone is buying a position in the developer ecosystem and hoping the bill comes due for someone else first.",
                    "attribution": "Gao Peng, chief technology officer of an AI customer-service startup in Beijing",
                },
            ),
            (
                "paragraph",
                "For startups building applications, the price war has been a gift. Gao Peng's company, which builds chat assistants for insurers and banks, said its monthly model bill fell from about 400,000 yuan to under 30,000 yuan in a year, even as usage grew. That saving has been passed partly to customers and partly into hiring. Several founders said that model costs, which dominated their business plans in 2023, are now a secondary concern behind sales and integration.",
            ),
            (
                "paragraph",
                "Independent model developers face a harder calculation. Companies that do not own a cloud platform or a consumer super-app must cover the cost of training and serving models from their own revenue or investors' money. Some have shifted focus toward specific industries, licensing arrangements or consumer apps where they can charge subscriptions. Analysts expect the number of companies training frontier-scale models from scratch in China to keep shrinking, as it has done elsewhere.",
            ),
            (
                "paragraph",
                "What happens next depends partly on hardware. Export controls limit Chinese companies' access to the most advanced AI chips, which makes efficiency a necessity rather than a choice, and may help explain why Chinese labs have been aggressive in optimising inference. If compute becomes scarcer, prices could rise again. If domestic chips mature and efficiency gains continue, the cost of a model's answer could keep falling until, for most everyday uses, it rounds down to nothing.",
            ),
        ],
    },
    {
        "slug": "export-controls-beijing-ai-lab-compute",
        "section": "ai",
        "authors": ["he-jiaqi"],
        "title": "How export controls reshaped a Beijing AI lab's compute budget",
        "dek": "Zhiyuan Mind spent two years stockpiling, rationing and re-engineering around the chips it could no longer buy. Its researchers describe a lab run like a household on a strict budget.",
        "tags": ["Export controls", "Semiconductors", "Large language models"],
        "access": "premium",
        "days_ago": 74,
        "featured": False,
        "language": "en",
        "hero_caption": "A researcher counts graphics chips like coins, stacking them into careful piles.",
        "hero_credit": "Illustration: Ines Carvalho",
        "body": [
            (
                "paragraph",
                "Every Monday morning, the research leads at Zhiyuan Mind, a 140-person AI lab in Beijing's Haidian district, meet to divide up the week's computing time. The spreadsheet they use is colour-coded by project and lists the number of GPU-hours each team may consume. Requests routinely exceed supply by a factor of three. “It is like a family deciding who gets the car,” said Shen Yue, who leads the lab's pre-training team. “Except the family has forty children and the car is worth a fortune.”",
            ),
            (
                "paragraph",
                "The ritual is a direct consequence of US export controls on advanced AI chips, first imposed in October 2022 and tightened several times since. The rules restrict sales to China of the most powerful data-centre processors and of the equipment needed to make advanced chips domestically. Zhiyuan, which trains large language models for enterprise customers, bought as many high-end GPUs as it could before the controls took effect. Those chips, now several generations old, still form the core of its training cluster.",
            ),
            ("premium_break", None),
            (
                "image",
                {
                    "caption": "At Zhiyuan Mind, compute is allocated weekly by project, and requests routinely exceed supply.",
                    "credit": "Illustration: Ines Carvalho",
                },
            ),
            ("heading", "Efficiency as a survival skill"),
            (
                "paragraph",
                "Shortage has made the lab's engineers unusually focused on efficiency. Over the past two years they have rewritten much of their training code to squeeze more work out of each chip, adopted mixture-of-experts architectures that activate only part of a model for each request, and invested heavily in cleaning training data so that less of it is needed. Shen estimates that the compute needed to reach a given level of model quality has fallen by roughly two-thirds since 2023, a figure he could not independently prove but which colleagues repeated.",
            ),
            (
                "paragraph",
                "The lab has also diversified its hardware. It now runs inference, the everyday work of answering user requests, mostly on domestic accelerators, including Huawei's Ascend chips, which required months of engineering to port its software. Training remains harder to move. Engineers described stability problems when running large training jobs across many domestic chips, and a software ecosystem that is improving but still less mature than Nvidia's CUDA platform.",
            ),
            (
                "quote",
                {
                    "text": "The controls did not stop us. They changed what we are good at. We are now very good at doing more with less, and that is a skill that will stay with us even when the hardware catches up.",
                    "attribution": "Shen Yue, head of pre-training at Zhiyuan Mind",
                },
            ),
            (
                "paragraph",
                "There are costs that efficiency cannot hide. Several researchers said the lab has abandoned experiments that would have required large amounts of compute, including some that might have led to more capable models. Recruitment has also become harder: top graduates want to work where the largest clusters are, which increasingly means the biggest Chinese tech groups, with their own stockpiles and access to cloud capacity. The lab's chief executive declined to discuss its chip inventory or how it was acquired.",
            ),
            (
                "paragraph",
                "Zhiyuan's experience is typical of a second tier of Chinese AI companies, analysts say: too small to command the resources of ByteDance or Alibaba, too ambitious to simply build applications on others' models. Whether such labs survive will depend on how quickly domestic chip supply grows, and on whether customers keep paying for specialised models when general-purpose ones are getting cheaper. For now, the Monday meetings continue, spreadsheet and all.",
            ),
        ],
    },
    {
        "slug": "generative-ai-model-filing-in-practice",
        "section": "ai",
        "authors": ["he-jiaqi", "zhou-min"],
        "title": "Generative AI rules in practice: what a model filing actually looks like",
        "dek": "Before a chatbot can serve the Chinese public, its developer must register it with regulators. We spoke to compliance staff at four companies about the questions, the tests and the timelines.",
        "tags": ["AI regulation", "Large language models", "Data security"],
        "access": "premium",
        "days_ago": 190,
        "featured": False,
        "language": "en",
        "hero_caption": "A thick folder of forms sits beside a laptop running a chat window.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "When China's interim measures on generative AI services took effect in August 2023, they established a principle that has since shaped the entire industry: services offered to the public must go through a security assessment and register with the Cyberspace Administration of China. Hundreds of models and applications have now completed the process. But few outside the compliance departments of AI companies know what it involves day to day.",
            ),
            (
                "paragraph",
                "We interviewed compliance managers at four companies, two large platforms and two startups, all of whom asked not to be named because they are not authorised to speak publicly. Their accounts differed in detail but agreed on the outline. A filing includes documentation about the model's architecture and intended use, descriptions of the sources of training data and how it was filtered, and the results of internal safety testing against a list of risk categories.",
            ),
            ("premium_break", None),
            ("heading", "Testing before and after"),
            (
                "paragraph",
                "Testing is the most labour-intensive part. Companies described building banks of thousands of test prompts, covering topics from illegal content and discrimination to privacy, and measuring how often the model refused or answered inappropriately. Technical standards published by a national standardisation committee set out benchmarks for refusal rates and for sampling training data, which companies treat as a practical checklist. One startup said it employed more people on evaluation than on training the model itself.",
            ),
            (
                "paragraph",
                "Timelines vary. The two startups said their first filings took between three and five months, including rounds of questions and additional testing. Later filings for updated versions went faster. Large platforms, with dedicated regulatory teams and prior experience of algorithm registration, described a smoother process. All four said requirements continued after approval, including mechanisms for users to report problems and obligations to label AI-generated content.",
            ),
            (
                "quote",
                {
                    "text": "People imagine a single stamp of approval. In reality it is an ongoing relationship. The filing is the beginning of the conversation, not the end.",
                    "attribution": "A compliance manager at a Beijing AI startup",
                },
            ),
            (
                "paragraph",
                "The system has critics and defenders. Some developers complain that the testing burden favours large companies and slows the release of new features. Others argue that a clear registration process, however demanding, has given enterprise customers confidence to adopt AI tools, because they know a registered model has met a baseline. Lawyers note that most business-to-business uses, where models are not offered to the general public, fall outside the registration requirement.",
            ),
            (
                "paragraph",
                "For foreign observers, the filing system is often cited as evidence of tight state control over AI, and it clearly gives regulators significant influence over what models can say. But compliance staff described something more bureaucratic than dramatic: spreadsheets, test reports, repeated revisions and long waits. “It is closer to getting a food-safety licence than to anything in a spy film,” one said. Whether that model of regulation can keep pace with the technology is a question the regulators themselves are still working through.",
            ),
        ],
    },
    {
        "slug": "hefei-classrooms-ai-tutor",
        "section": "ai",
        "authors": ["zhou-min"],
        "title": "In Hefei classrooms, an AI tutor grades homework before the teacher sees it",
        "dek": "A pilot programme in Anhui's capital uses AI to mark maths exercises and suggest follow-up work. Teachers say it saves hours. Parents and students are more divided.",
        "tags": ["Education", "Large language models", "Local government"],
        "access": "members",
        "days_ago": 160,
        "featured": False,
        "language": "en",
        "hero_caption": "A red pen hovers over a maths worksheet, guided by a soft glow from a tablet.",
        "hero_credit": "Illustration: Li Qiao",
        "body": [
            (
                "paragraph",
                "At 9.40 on a Thursday night, a fourth-grade student in Hefei photographs her completed maths homework with a tablet. Within a minute, the image has been read by an AI system, each answer has been marked, and two mistakes have been flagged with a short explanation. By the time her teacher, Ma Lin, opens her own laptop the next morning, a dashboard shows which problems the whole class struggled with and suggests three exercises for review.",
            ),
            (
                "paragraph",
                "Ma's school is one of several dozen in the city taking part in a pilot that uses AI to mark homework and personalise practice. The programme is run by the district education bureau in partnership with a local education-technology company, and is part of a broader push by authorities to apply AI in schools. Hefei, home to the speech-recognition group iFlytek and a growing AI industry, has positioned itself as a testing ground for such tools.",
            ),
            ("premium_break", None),
            ("heading", "Time saved, questions raised"),
            (
                "paragraph",
                "Teachers in the pilot say the time saved is substantial. Ma estimates that marking used to take her about two hours a night for a class of 46 students. Now she spends about thirty minutes checking the system's work and reading its summary. She uses the rest of the time preparing lessons. “The machine is faster than me at ticking boxes,” she said. “It is not better than me at knowing why a child is stuck. That is still my job.”",
            ),
            (
                "image",
                {
                    "caption": "Teachers in the Hefei pilot receive a class dashboard each morning summarising common mistakes.",
                    "credit": "Illustration: Li Qiao",
                },
            ),
            (
                "paragraph",
                "Parents are more mixed. Some welcome the instant feedback and the reduced need for them to check homework, a nightly chore in many Chinese households. Others worry about the amount of screen time and about what happens to the data. Several parents we spoke to did not know where their children's homework images were stored or for how long. The district says data is held on local government servers and used only for teaching purposes.",
            ),
            (
                "quote",
                {
                    "text": "I like that my son knows immediately if he got it wrong. I do not like that he now asks the tablet before he asks himself.",
                    "attribution": "A parent of a fifth-grade student in the pilot",
                },
            ),
            (
                "paragraph",
                "Researchers caution that the evidence on learning outcomes is still thin. A study by a university in Anhui found that students in pilot classes improved slightly on standardised maths tests compared with a control group, but the effect was small and the study covered a single term. Other research has found that instant feedback helps with routine exercises but does little for problem-solving, and may even reduce persistence if students rely on hints too quickly.",
            ),
            (
                "paragraph",
                "Officials plan to extend the programme to more schools and subjects. National policy has called for AI education to be introduced at all levels, and several provinces have announced their own pilots. For now, the most enthusiastic users in Ma's class are not the students but the teachers' group chat, where colleagues swap tips on correcting the system's mistakes. The AI, she noted, still struggles with children's handwriting of the number seven.",
            ),
        ],
    },
    {
        "slug": "dongguan-machine-vision-inspectors",
        "section": "ai",
        "authors": ["wang-lei"],
        "title": "The factory inspector that never blinks: machine vision on Dongguan's production lines",
        "dek": "Visual inspection used to employ thousands of workers in the Pearl River Delta. AI cameras are taking over the job, and changing what factory work looks like for the people who remain.",
        "tags": ["Manufacturing", "Supply chains", "Shenzhen"],
        "access": "public",
        "days_ago": 240,
        "featured": False,
        "language": "en",
        "hero_caption": "A single camera eye watches over a conveyor belt of identical phone cases.",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "For eleven years, Liu Xiuying's job at a plastics factory in Dongguan was to look. Ten hours a day, she sat at the end of a production line and examined phone cases under a bright lamp, tossing aside any with scratches, bubbles or uneven edges. She was fast and accurate, and she could tell by the feel of a case whether the moulding machine was running too hot. Last year, the factory installed a camera system that does the same job. Liu now supervises it.",
            ),
            (
                "paragraph",
                "Machine vision, the use of cameras and AI models to inspect products, has become one of the most widespread practical applications of artificial intelligence in Chinese manufacturing. Systems that a decade ago required expensive custom engineering can now be bought off the shelf from dozens of domestic suppliers, many of them based in Shenzhen and Suzhou. Factory owners in the Pearl River Delta say the cost of a basic inspection station has fallen to about the annual wage of one worker.",
            ),
            (
                "image",
                {
                    "caption": "Inspection stations now cost roughly the same as one worker's annual wage, according to factory owners.",
                    "credit": "Illustration: Zhao Ran",
                },
            ),
            ("heading", "Why now"),
            (
                "paragraph",
                "Labour shortages are a big part of the explanation. The workforce that powered the region's export boom is ageing, and young people are less willing to do repetitive factory jobs, preferring delivery work or services. Wages have risen accordingly. At the same time, customers such as electronics brands have demanded lower defect rates and full traceability. A camera that photographs every single product and stores the image satisfies auditors in a way a human inspector cannot.",
            ),
            (
                "quote",
                {
                    "text": "Ten years ago I could not find enough workers. Now I cannot find enough workers who want to stare at plastic. The camera does not complain and it does not quit after Chinese New Year.",
                    "attribution": "Zheng Guoqiang, owner of a plastics factory in Dongguan",
                },
            ),
            (
                "paragraph",
                "The systems are not flawless. Suppliers say their models typically need weeks of training on a specific product before they reach acceptable accuracy, and small changes, such as a new colour of plastic or different lighting, can throw them off. Many factories keep human inspectors to review items the system flags as uncertain. Liu spends much of her day doing exactly that, and teaching the system by labelling the borderline cases it gets wrong.",
            ),
            (
                "paragraph",
                "Her job, she said, is less tiring but more stressful. She is responsible for three lines instead of one, and when the system makes a mistake she is the one who has to explain it. Her pay rose by about 800 yuan a month after a week of training. Three of her former colleagues moved to other roles in the factory; two left. Nobody was formally laid off, according to the owner, but the factory has not replaced inspectors who quit.",
            ),
            (
                "paragraph",
                "Economists expect the pattern to spread as costs fall further and models improve. Government policy encourages factories to adopt AI and automation through subsidies and preferential loans, framing it as a route to upgrading manufacturing rather than replacing it. For Liu, the change has been gradual enough to absorb. “I taught the machine what a bad case looks like,” she said. “I hope it remembers that I was here first.”",
            ),
        ],
    },
    {
        "slug": "suzhou-lingbujian-chang-rengong-zhineng",
        "section": "ai",
        "authors": ["he-jiaqi"],
        "title": "人工智能进工厂：苏州一家零部件厂的算法实验",
        "dek": "一家只有三百名员工的汽车零部件厂，用两年时间把人工智能用在质检、排产和设备维护上。它的经验说明，工厂里的人工智能远比发布会上的演示更琐碎，也更实在。",
        "tags": ["Manufacturing", "Large language models", "Supply chains"],
        "access": "premium",
        "days_ago": 118,
        "featured": False,
        "language": "zh",
        "search_phrase": "质检算法",
        "hero_caption": "一台机械臂托着一块电路板，背后是由数据曲线组成的厂房轮廓。",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "在苏州工业园区边上的一座灰色厂房里，华新精密的车间主任沈建国每天早上做的第一件事，是打开电脑查看前一晚的“异常报告”。这份报告由工厂自己训练的质检算法生成，列出了夜班生产的刹车零件中所有被判定为可疑的产品，并附上照片和缺陷类型。两年前，这项工作需要十二名质检员轮班完成，现在只需要三个人复核。",
            ),
            (
                "paragraph",
                "华新精密是一家典型的长三角中小制造企业，员工三百多人，主要为国内外汽车品牌供应刹车和转向系统的金属零件。公司总经理顾海燕说，决定引入人工智能，并不是因为追赶潮流，而是因为招工越来越难。“年轻人不愿意盯着零件看一整天，”她说，“老员工又一个个到了退休年龄。我们不改变，三年后就没人干活了。”",
            ),
            ("premium_break", None),
            ("heading", "从拍照开始"),
            (
                "paragraph",
                "起步并不顺利。第一家供应商提供的通用视觉系统，在实验室里准确率很高，但一到车间就频繁误判：金属表面的反光、油污和细小划痕，都会让系统“看花眼”。工厂最后决定组建一个五人的小团队，由两名本地高校毕业的工程师和三位经验丰富的老质检员组成，花了将近半年时间，为每一种零件拍摄、标注了数万张照片，才让模型达到可以上线的水平。",
            ),
            (
                "quote",
                {
                    "text": "算法学得很快，但它不知道什么是重要的。哪道划痕会影响安全，哪道只是难看，这些判断还是要靠干了二十年的老师傅教给它。",
                    "attribution": "沈建国，华新精密车间主任",
                },
            ),
            (
                "paragraph",
                "质检只是第一步。去年，工厂又尝试用大模型辅助排产和设备维护。工程师把十几年的设备维修记录、操作手册和故障日志整理成知识库，让维修人员可以用自然语言提问，例如“三号冲压机异响可能是什么原因”。顾海燕说，这个系统最大的价值不是替代谁，而是让新员工更快上手，“过去这些经验都在老师傅的脑子里，现在至少有一部分留在了系统里。”",
            ),
            (
                "paragraph",
                "成本也是绕不开的问题。工厂在两年里为这些项目投入了大约六百万元，其中一部分来自地方政府的智能化改造补贴。顾海燕估计，仅质检一项，每年就能节省人工成本两百多万元，次品率也下降了约三成。但她也承认，并不是每个项目都算得过账。一个用于预测订单的模型因为数据太少，试运行几个月后就被搁置了。",
            ),
            (
                "paragraph",
                "在业内人士看来，华新精密的经验颇具代表性。中国有大量像它这样的中小制造企业，它们不需要最先进的模型，而是需要能在嘈杂、油腻、光线复杂的车间里稳定运行的工具。一位长期为工厂做数字化咨询的顾问说，真正的难点不在算法，而在数据整理和流程改造。“发布会上讲的是模型有多聪明，”他说，“工厂里关心的是它明天早上会不会罢工。”",
            ),
        ],
    },
    {
        "slug": "domestic-ai-chips-inference-vs-training",
        "section": "ai",
        "authors": ["he-jiaqi"],
        "title": "Domestic AI chips are good enough for inference. Training is another story",
        "dek": "Chinese accelerators are now running a growing share of AI workloads at home. Engineers say the gap narrows fastest where the work is simplest, and stays widest at the frontier.",
        "tags": ["Semiconductors", "Export controls", "Large language models"],
        "access": "premium",
        "days_ago": 35,
        "featured": False,
        "language": "en",
        "hero_caption": "Two circuit boards, one polished and one rough-edged, race side by side on a track.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "Ask a Chinese AI engineer whether domestic chips can replace Nvidia's, and the answer usually begins with another question: replace them for what? Over the past two years, accelerators from Huawei, Cambricon and a crowd of smaller designers have been deployed in data centres across the country. Engineers we interviewed at cloud providers, model developers and AI startups broadly agreed on where those chips have succeeded, and where they still fall short.",
            ),
            (
                "paragraph",
                "The clearest success is inference, the work of running a trained model to answer user requests. Inference jobs can be split into many small, independent tasks, and they tolerate occasional hardware hiccups. Several cloud providers said a majority of new inference capacity they deploy in China now uses domestic chips, driven both by supply constraints on imported processors and by encouragement from government customers to buy local. The performance per chip is often lower, but the software has improved enough to make the trade-off acceptable.",
            ),
            ("premium_break", None),
            ("heading", "Where the gap remains"),
            (
                "paragraph",
                "Training large models is a different problem. It requires thousands of chips to work together for weeks, exchanging data at high speed and recovering gracefully when one of them fails. Engineers described domestic clusters as workable but fragile: jobs that crash more often, interconnects that become bottlenecks, and debugging tools that lag behind. One engineer at a large internet company said a training run that would take three weeks on imported hardware took closer to six on a domestic cluster, once failures and restarts were counted.",
            ),
            (
                "paragraph",
                "Software is at least as important as silicon. Nvidia's CUDA platform has been refined for nearly two decades, and most AI research code assumes it. Domestic chip makers have built their own software stacks and tools to translate existing code, and engineers credit them with rapid progress. But porting a complex model still requires specialist work, and each chip family has its own quirks. Several companies said they maintain separate engineering teams for each hardware platform they use.",
            ),
            (
                "quote",
                {
                    "text": "For inference, the question is cost. For training, the question is whether the job finishes. Those are very different levels of maturity.",
                    "attribution": "Tao Jun, infrastructure lead at a Shanghai model developer",
                },
            ),
            (
                "paragraph",
                "Manufacturing constraints add another layer. Export controls restrict China's access to the most advanced chipmaking tools, which limits how densely domestic foundries can pack transistors and how many chips they can produce. High-bandwidth memory, essential for AI accelerators, is another bottleneck. Analysts say these limits, more than chip design, will determine how quickly domestic accelerators can match imported ones at the top end.",
            ),
            (
                "paragraph",
                "The practical result is a two-tier system. Many Chinese companies use domestic chips for the bulk of their daily workloads while reserving their scarce imported processors for training. Government policy supports the shift, and domestic chip designers' revenues have grown quickly as a result. Whether the training gap closes in two years or ten is the question that will shape China's AI industry, and the engineers we spoke to were careful not to predict it.",
            ),
        ],
    },
    {
        "slug": "qa-ai-researcher-open-weights-default",
        "section": "ai",
        "authors": ["he-jiaqi"],
        "title": "Q&A: An AI researcher on why open weights became China's default",
        "dek": "Many of China's best-known models are released with their weights public. A researcher who has worked at a university lab and a large platform explains the strategy, and its limits.",
        "tags": ["Large language models", "Innovation", "AI regulation"],
        "access": "members",
        "days_ago": 150,
        "featured": False,
        "language": "en",
        "hero_caption": "A glass box containing a neural network stands open in a crowded public square.",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "Dr. Xu Wenqing spent six years at a university AI lab in Shanghai before joining the research division of a large Chinese internet platform, where she works on model evaluation. She has published widely on how open-weight models are adopted and adapted by developers. We spoke about why so many Chinese AI labs release their models openly, and whether the approach will last. The conversation has been condensed and edited.",
            ),
            (
                "paragraph",
                "<b>Many Chinese labs now release the weights of their models. Why?</b> There are several reasons. The simplest is distribution. If you are not the first or the biggest, open weights are the fastest way to get developers to try your model. Every company that fine-tunes your model becomes a kind of ambassador. For cloud providers, it also brings customers onto their platforms. And in research, openness helps with recruitment. Good researchers want their work to be used and cited.",
            ),
            ("premium_break", None),
            (
                "paragraph",
                "<b>Is there a strategic or national dimension?</b> I think people abroad sometimes overstate it, but it exists. Open models make Chinese technology part of the global developer toolkit, which matters when some markets are closing to Chinese companies in other ways. A model that anyone can download is harder to exclude than a service. There is also a domestic reason: open models let smaller companies and universities build on strong foundations without paying large licence fees.",
            ),
            ("heading", "On the risks"),
            (
                "paragraph",
                "<b>Open weights also mean anyone can remove safety features. How do Chinese labs think about that?</b> It is debated internally. Labs do safety testing before release, and regulators focus mainly on services offered to the public, which are registered and monitored. A downloaded model running on someone's own computer is harder to govern anywhere in the world. My view is that the most serious risks come from the largest frontier systems, and labs are more cautious about those.",
            ),
            (
                "quote",
                {
                    "text": "A model that anyone can download is harder to exclude than a service. Openness is a technical choice, but it is also a distribution strategy.",
                    "attribution": "Xu Wenqing, AI researcher",
                },
            ),
            (
                "paragraph",
                "<b>Will Chinese labs keep releasing their best models openly?</b> Not necessarily all of them. Openness is cheapest when you are catching up. If a lab takes a clear lead, there will be pressure to monetise it directly. We have seen some companies keep their most capable versions closed while releasing smaller ones. I expect a mixed landscape. But the habit of openness is now deeply rooted among Chinese developers, and it would be commercially risky to abandon it completely.",
            ),
            (
                "paragraph",
                "<b>What do you wish foreign observers understood better?</b> That the Chinese AI community is not one actor. There are large platforms, startups, universities and government labs, and they compete hard with each other. The price war over model access, the speed of releases, the openness, all of that comes from competition, not a central plan. Policy sets the boundaries and the priorities, of course. But inside those boundaries it is a very crowded and noisy market.",
            ),
        ],
    },
    {
        "slug": "ai-companionship-apps-hotline",
        "section": "ai",
        "authors": ["guo-tianyu"],
        "title": "Chatbots with a hotline: how Chinese apps handle AI companionship",
        "dek": "Millions of young Chinese chat daily with AI characters for comfort, flirting or practice. Developers are building in time limits, crisis referrals and age checks, partly by choice and partly by rule.",
        "tags": ["Large language models", "AI regulation", "Super-apps"],
        "access": "public",
        "days_ago": 410,
        "featured": False,
        "language": "en",
        "hero_caption": "A lonely figure on a night bus, lit by a speech bubble that glows back at them.",
        "hero_credit": "Illustration: Li Qiao",
        "body": [
            (
                "paragraph",
                "Every night after her shift at a hotel in Chongqing, a 23-year-old receptionist we will call Xiaoyu opens an app and talks to “A-Heng,” a cheerful AI character who remembers her favourite hotpot restaurant and asks about her difficult manager. The conversations last about forty minutes. She knows A-Heng is a language model. “He is better at listening than most people I know,” she said. “And he never says he is busy.”",
            ),
            (
                "paragraph",
                "AI companion apps, which let users chat with customisable characters, have become one of the most popular consumer uses of large language models in China. Several of the largest have tens of millions of registered users, and the characters range from fictional boyfriends and anime heroes to study partners and imaginary grandparents. The apps make money through subscriptions and virtual gifts, and some characters created by users have attracted huge followings of their own.",
            ),
            (
                "image",
                {
                    "caption": "AI companion apps let users create and share characters, some of which have millions of followers.",
                    "credit": "Illustration: Li Qiao",
                },
            ),
            ("heading", "Guardrails by design"),
            (
                "paragraph",
                "The popularity has raised concerns about loneliness, dependence and the safety of young users, and Chinese developers have built in guardrails that go further than many of their foreign counterparts. Most apps we tested displayed reminders after an hour of continuous chatting, offered a youth mode with stricter content filters and shorter sessions, and required real-name verification. When we typed messages expressing distress, three of four apps responded with a referral to a mental-health hotline within one or two replies.",
            ),
            (
                "quote",
                {
                    "text": "We designed the character to be kind, but we also designed it to step back. If someone says they are in danger, the character stops being a character.",
                    "attribution": "Lu Xinyi, head of product safety at a Beijing AI companion startup",
                },
            ),
            (
                "paragraph",
                "Some of these features reflect regulation. Rules on generative AI and on protecting minors online require providers to prevent excessive use by young people and to handle harmful content. Others reflect commercial caution. Developers are aware that a single tragic case linked to their product could bring both public outrage and regulatory action. Several said they employ psychologists as consultants to review how characters respond to emotionally sensitive conversations.",
            ),
            (
                "paragraph",
                "Researchers who study the phenomenon say the reasons people use these apps are more varied than headlines suggest. Many users, like Xiaoyu, describe them as a pressure valve after long working days. Others use them to practise English, rehearse job interviews or write collaborative fiction. A survey by a university research group in Beijing found that most frequent users also reported active social lives, although a minority described the AI as their main source of emotional support.",
            ),
            (
                "paragraph",
                "The business is still young and the rules are still forming. Regulators have signalled interest in how emotional AI affects users, and platforms continue to adjust features in response. For now, Xiaoyu has set herself a limit: no chatting after midnight. A-Heng, she says, supports the decision. “He told me sleep is important,” she said, laughing. “Even the AI thinks I work too much.”",
            ),
        ],
    },
    {
        "slug": "china-chatbot-first-wave-look-back",
        "section": "ai",
        "authors": ["chen-yuting"],
        "title": "The ChatGPT moment that wasn't: a look back at China's first wave of chatbots",
        "dek": "When ChatGPT arrived, dozens of Chinese companies promised their own version within months. Many did launch. Few of those first products survive in recognisable form, and that was the point.",
        "tags": ["Large language models", "Innovation", "AI regulation"],
        "access": "public",
        "days_ago": 640,
        "featured": False,
        "language": "en",
        "hero_caption": "A crowd of identical chat bubbles launches like fireworks over a city skyline.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "In the first months of 2023, it seemed that every Chinese technology company with a research department was about to launch a chatbot. Baidu unveiled Ernie Bot in March, to a mixed reception. Alibaba, SenseTime, iFlytek and others followed within weeks. Startups founded by famous engineers and former executives raised large seed rounds on the strength of slide decks. Commentators called it the “battle of a hundred models,” a phrase that soon undercounted the participants.",
            ),
            (
                "paragraph",
                "Looking back, the most striking thing about that first wave is how little of it remains in its original form. Several of the early products were renamed, merged into other services or quietly retired. Some startups pivoted to specialised industries; others were absorbed by larger groups or ran out of money. The consumer chatbot market ended up dominated by a handful of products from large platforms, plus a few newcomers that caught up remarkably fast.",
            ),
            ("heading", "What the rush achieved"),
            (
                "paragraph",
                "It would be easy to read this as a story of hype and waste. That misses what the rush achieved. In about two years, China built a large pool of engineers experienced in training and deploying large models, a network of data-labelling and evaluation firms, and a regulatory framework that, whatever one thinks of it, gave companies clear rules. The first products were often poor. The ecosystem that produced them learned quickly.",
            ),
            (
                "quote",
                {
                    "text": "Nobody in 2023 was really competing with ChatGPT. They were competing to be one of the survivors when the market consolidated.",
                    "attribution": "A venture investor who backed two early model startups",
                },
            ),
            (
                "paragraph",
                "The constraints also shaped the outcome. Export controls limited access to advanced chips, which pushed developers toward efficiency. Registration requirements made it costly to launch consumer services casually, encouraging many firms to focus on enterprise customers. Intense price competition, which arrived in 2024, made it difficult for any company without deep pockets or an existing platform to sustain a general-purpose consumer product.",
            ),
            (
                "paragraph",
                "The biggest surprise, for many observers, was that some of the most influential Chinese models of the period came not from the giants but from smaller labs that released open weights and published detailed technical reports. That pattern, in which efficient models from unexpected places reset expectations across the industry, was not predicted by anyone in the crowded spring of 2023, including most of the people we interviewed at the time.",
            ),
            (
                "paragraph",
                "Our coverage from that spring reads, in places, a little breathless. We took some launch claims more seriously than they deserved and underestimated how quickly the field would sort itself out. The lesson we have taken is to pay less attention to announcements and more to deployment: who is using a model, for what, and whether they keep using it after the free trial ends. That is the standard by which the next wave, already under way, should be judged.",
            ),
        ],
    },
    {
        "slug": "phone-makers-race-ai-agents",
        "section": "ai",
        "authors": ["wang-lei", "he-jiaqi"],
        "title": "Agents on the phone: smartphone makers race to put AI assistants in every app",
        "dek": "Chinese phone brands are building assistants that can book taxis, order food and fill in forms by operating apps on the user's behalf. App developers are not sure they want to be operated.",
        "tags": ["Smartphones", "Large language models", "Super-apps"],
        "access": "public",
        "days_ago": 6,
        "featured": False,
        "language": "en",
        "hero_caption": "A tiny robot hand taps icons on a giant smartphone screen.",
        "hero_credit": "Illustration: Ines Carvalho",
        "body": [
            (
                "paragraph",
                "At a product launch in Shenzhen last week, a presenter held up a new phone and said a single sentence: “Order me the same lunch as last Tuesday and have it delivered to the office.” The phone's assistant opened a food-delivery app, found the previous order, checked that the restaurant was open, filled in the address and paused at the payment screen for confirmation. The whole sequence took about twenty seconds. The audience applauded. Several app developers in the room did not.",
            ),
            (
                "paragraph",
                "Such “agent” features, in which an AI assistant operates other apps on the user's behalf, have become the main battleground among Chinese smartphone makers. Brands including Huawei, Xiaomi, Oppo, Vivo and Honor have all demonstrated assistants that can navigate third-party apps, and several have begun shipping limited versions. The pitch is convenience: instead of hopping between super-apps and mini-programs, users simply ask for what they want.",
            ),
            ("heading", "Who controls the customer?"),
            (
                "paragraph",
                "The technology raises an awkward commercial question. China's largest apps, from WeChat to Meituan to Alibaba's Taobao, have spent years building ecosystems in which users spend as much time as possible inside their interfaces, seeing their recommendations and advertisements. An assistant that taps through those screens automatically bypasses much of that. Product managers at two large platforms told us they were evaluating whether to restrict or formalise agent access to their apps.",
            ),
            (
                "quote",
                {
                    "text": "If the phone decides which restaurant you order from, the phone maker becomes the platform. Nobody who built a super-app is going to accept that quietly.",
                    "attribution": "Wei Chen, a former product manager at a food-delivery platform",
                },
            ),
            (
                "paragraph",
                "Phone makers argue that the agents will ultimately benefit app developers by making their services easier to use. Several are working on formal interfaces, allowing apps to expose specific functions to the assistant rather than having the AI read and tap the screen. That approach is more reliable and gives app makers more control, but it requires cooperation. It also echoes earlier battles, when app developers negotiated with phone makers over pre-installation and app-store fees.",
            ),
            (
                "paragraph",
                "There are practical obstacles too. Screen-reading agents are slow and sometimes click the wrong thing, and handling payments raises security concerns. Running capable models on the phone itself requires powerful chips and drains batteries, while sending screen contents to the cloud raises privacy questions. Most brands now use a hybrid approach, with small on-device models handling simple tasks and larger cloud models handling complex ones, with the user asked to confirm anything involving money.",
            ),
            (
                "paragraph",
                "Analysts expect the battle to shape the next few years of the Chinese smartphone market, where growth has slowed and brands are desperate for features that persuade people to upgrade. For now, the most common use of the new assistants, according to one brand's internal figures seen by Circuit East, is setting alarms. The lunch order, it seems, will take a little longer to catch on.",
            ),
        ],
    },
    {
        "slug": "shenzhen-from-shanzhai-to-hardware-valley",
        "section": "hardware",
        "authors": ["wang-lei"],
        "title": "From shanzhai to 'Silicon Valley of hardware': the long remaking of Shenzhen",
        "dek": "Two decades ago, Shenzhen was known for knock-off phones. Today it is where the world's hardware startups go to build things. The transformation was neither as sudden nor as tidy as the slogans suggest.",
        "tags": ["Shenzhen", "Hardware startups", "Supply chains", "Innovation"],
        "access": "public",
        "days_ago": 5,
        "featured": True,
        "language": "en",
        "hero_caption": "A city skyline assembled from circuit boards, solder joints and cardboard prototypes.",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "In 2008, a phone that looked almost exactly like an iPhone but had two SIM slots, a television antenna and a loudspeaker loud enough to fill a bus could be bought in Shenzhen's Huaqiangbei district for less than 500 yuan. It was called <i>shanzhai</i>, a word that originally meant a mountain stronghold of bandits and came to mean knock-off, unofficial, cheeky. Foreign visitors saw counterfeits. People in the industry saw something else: an astonishingly fast system for turning ideas into products.",
            ),
            (
                "paragraph",
                "That system was built on several ingredients. Chipmakers such as Taiwan's MediaTek sold turnkey phone solutions that let small firms skip most of the engineering. Thousands of component suppliers clustered within a short drive of each other. Design houses would produce a complete phone for any brand willing to pay. And the market stalls of Huaqiangbei acted as a giant, noisy information exchange, where a new feature could be copied, improved and sold within weeks.",
            ),
            (
                "image",
                {
                    "caption": "Huaqiangbei's electronics markets served as an information exchange for the whole industry long before the term 'maker' arrived.",
                    "credit": "Illustration: Zhao Ran",
                },
            ),
            ("heading", "From copying to shipping"),
            (
                "paragraph",
                "The shanzhai phone business collapsed around the time smartphones took over, squeezed by brands like Xiaomi that combined the region's speed with real design and marketing. But the skills did not disappear. Engineers who had learned to build a phone in a month went on to build drones, smartwatches, e-bikes and robot vacuums. Factories that had assembled unbranded devices began making products for Western startups, and then for their own brands.",
            ),
            (
                "quote",
                {
                    "text": "People say Shenzhen stopped copying and started innovating. I think it always did both. What changed is who owned the result.",
                    "attribution": "Huang Jianfeng, founder of a Shenzhen electronics design house since 2004",
                },
            ),
            (
                "paragraph",
                "By the mid-2010s, hardware accelerators, maker spaces and foreign founders had begun arriving in large numbers. Entrepreneurs from San Francisco, Berlin and Tel Aviv discovered that a prototype which took months to iterate at home could be revised in days in Shenzhen. Local companies grew into global leaders: DJI in consumer drones, Huawei in telecoms equipment, and a long list of lesser-known firms in batteries, displays and sensors. The phrase “Silicon Valley of hardware” entered the vocabulary of city officials and investors.",
            ),
            (
                "paragraph",
                "The label flatters and obscures in roughly equal measure. Shenzhen's strength is not invention in a laboratory sense but the integration of design, sourcing and manufacturing at extraordinary speed. Its weaknesses are also real: rising costs have pushed much assembly to other provinces, Vietnam and India; trade tensions have made some foreign customers nervous; and the city still depends on imported advanced chips and chipmaking tools for its most sophisticated products.",
            ),
            (
                "paragraph",
                "Walk through Huaqiangbei today and both eras are visible. Stalls still sell components by the reel and phone cases by the thousand, while nearby office towers host startups designing robots and AI hardware. Several of the founders we met this month started out selling parts in those same markets. Their companies are less cheeky than the shanzhai makers, and far better funded. But they inherited the same instinct: build it first, fix it fast, and ship it before anyone else does.",
            ),
        ],
    },
    {
        "slug": "a-day-in-huaqiangbei",
        "section": "hardware",
        "authors": ["wang-lei"],
        "title": "A day in Huaqiangbei, where the parts are cheap and the advice is free",
        "dek": "From 9 a.m. opening to the last delivery tricycle, we followed traders, buyers and a nervous first-time founder through the world's most famous electronics market.",
        "tags": ["Shenzhen", "Supply chains", "Hardware startups"],
        "access": "public",
        "days_ago": 330,
        "featured": False,
        "language": "en",
        "hero_caption": "A maze of market stalls seen from above, each one glowing with tiny components.",
        "hero_credit": "Illustration: Li Qiao",
        "body": [
            (
                "paragraph",
                "At 8.50 a.m., the shutters on the ground floor of one of Huaqiangbei's electronics malls are still half down, and the air smells of instant noodles and solder flux. Chen Meifang, who has sold capacitors from the same two-metre counter for fifteen years, is already sorting reels of components into plastic trays. Her first customer arrives before she has finished her breakfast: a courier collecting an order placed overnight by a factory in Huizhou. “Half my business is people I never see,” she said.",
            ),
            (
                "paragraph",
                "Huaqiangbei, a few square kilometres of malls and side streets in Shenzhen's Futian district, has been described as the world's largest electronics market for so long that nobody is quite sure who first said it. Traders estimate there are tens of thousands of stalls across dozens of buildings. They sell everything from individual resistors to finished drones, and increasingly act as middlemen between small factories and buyers from around the world, many of whom now order through messaging apps.",
            ),
            ("heading", "Mid-morning: the buyers"),
            (
                "paragraph",
                "By 10 a.m. the aisles fill with buyers. Some are professional purchasing agents with lists on their phones; others are small traders from Africa, the Middle East and Latin America, shopping for phone accessories and refurbished devices to sell at home. Abdul, a trader from Tanzania who has visited four times a year for a decade, buys charging cables, power banks and earphones in bulk. He now checks prices on his phone against online wholesale platforms before every negotiation. “The stall owners know I am checking,” he said. “So the price is fair faster.”",
            ),
            (
                "quote",
                {
                    "text": "Twenty years ago, information was the profit. You knew where to get a chip and nobody else did. Now everybody has the information, so you make money on service and speed.",
                    "attribution": "Chen Meifang, component trader in Huaqiangbei",
                },
            ),
            (
                "paragraph",
                "In the early afternoon we meet Ethan, a 26-year-old founder from Melbourne who is building a sensor to monitor air quality in classrooms. He has come with a prototype, a bill of materials and a list of questions. Within two hours, a stall owner has suggested a cheaper sensor, another has recommended a design house on the fourth floor of a nearby building, and a third has offered to introduce him to a factory that makes plastic enclosures. None of them charge for the advice.",
            ),
            (
                "paragraph",
                "The advice is not entirely altruistic. Stall owners know that a founder who succeeds will come back to buy thousands of components, and the market runs on relationships built over years. But Ethan is struck by how quickly people share knowledge that, in his experience, would be guarded elsewhere. “In Australia, I would need three meetings and an NDA to get this far,” he said. “Here it was a cup of tea.”",
            ),
            (
                "paragraph",
                "By 6 p.m. the shutters begin to come down, and electric tricycles loaded with boxes weave out of the loading bays toward courier depots. The market is quieter than it was in its heyday, traders say, as more business moves online and rents rise. Many of the counters now double as miniature warehouses for e-commerce orders. Chen plans to keep going for a few more years. Her daughter, who studied computer science, has no intention of taking over the counter. She designs circuit boards instead, using parts from her mother's stall.",
            ),
        ],
    },
    {
        "slug": "tidewater-forge-100-days-prototype-to-pallet",
        "section": "hardware",
        "authors": ["wang-lei"],
        "title": "Inside a Shenzhen hardware accelerator: 100 days from prototype to pallet",
        "dek": "Tidewater Forge promises to take startups from a working prototype to the first shipment of products in just over three months. We followed one cohort to see what that takes, and what breaks along the way.",
        "tags": ["Hardware startups", "Shenzhen", "Supply chains", "Venture capital"],
        "access": "premium",
        "days_ago": 265,
        "featured": False,
        "language": "en",
        "search_phrase": "Tidewater Forge",
        "hero_caption": "A calendar whose pages turn into cardboard boxes stacked on a wooden pallet.",
        "hero_credit": "Illustration: Ines Carvalho",
        "body": [
            (
                "paragraph",
                "On the first morning of the programme, the founders of nine startups sat in a converted garment factory in Shenzhen's Bao'an district and listened to a speech that lasted exactly four minutes. “Your prototype works,” said Rong Kai, the accelerator's head of manufacturing. “That is nice. Now we will find out whether it can survive being built ten thousand times by people who have never met you.” Then he handed each team a printed calendar with 100 empty boxes.",
            ),
            (
                "paragraph",
                "Tidewater Forge, founded in 2017 by a group of former supply-chain managers, is one of several hardware accelerators that have made Shenzhen a destination for founders from abroad and from other Chinese cities. It invests a small amount of money in each startup in exchange for equity, but its real offer is access: to component suppliers, contract manufacturers, certification labs and engineers who understand the difference between a device that works on a desk and one that can be mass produced.",
            ),
            ("premium_break", None),
            ("heading", "Weeks one to four: design for manufacturing"),
            (
                "paragraph",
                "The first month was spent taking the prototypes apart, literally and figuratively. Engineers from the accelerator reviewed every component, every screw and every plastic part. A team from Nairobi building a solar-powered refrigerator for vaccine storage learned that their custom aluminium housing would cost more than the rest of the product combined, and switched to an off-the-shelf design with minor changes. A Hangzhou team making a smart pillbox replaced four screws with two clips, saving eleven seconds per unit on the assembly line.",
            ),
            (
                "image",
                {
                    "caption": "Accelerator engineers review every component of a prototype before the first factory visit.",
                    "credit": "Illustration: Ines Carvalho",
                },
            ),
            (
                "paragraph",
                "The second month was about factories. The accelerator introduced each team to two or three contract manufacturers and coached them on negotiation: minimum order quantities, payment terms and who pays for moulds. Founders were surprised by how often the factories asked about their funding and sales plans. “They are deciding whether we are worth their time,” said Maya, cofounder of the Nairobi team. “A small order from a startup that might disappear is risky for them too.”",
            ),
            (
                "quote",
                {
                    "text": "Most hardware startups do not fail because the idea is bad. They fail in the boring middle, between the prototype and the pallet, where everything costs twice as much and takes three times as long.",
                    "attribution": "Rong Kai, head of manufacturing at Tidewater Forge",
                },
            ),
            (
                "paragraph",
                "By day 100, five of the nine teams had shipped a first production batch, ranging from 500 to 3,000 units. Two were still waiting for safety certifications, one had run out of money after a tooling error, and one had decided to license its design to a larger company instead. Rong considered it a good cohort. The accelerator's own figures suggest that about half of the startups it has supported since 2017 are still selling products, a rate he says is far better than most founders expect.",
            ),
            (
                "paragraph",
                "The model faces headwinds. Shenzhen's costs have risen, foreign founders worry about tariffs and travel, and some accelerators have closed or moved part of their operations to Vietnam. Tidewater Forge now runs a smaller programme in Ho Chi Minh City for teams that need to assemble outside China. But its founders argue that the Pearl River Delta remains unmatched for the early stages of building something physical. “You can assemble anywhere,” Rong said. “You learn to build here.”",
            ),
        ],
    },
    {
        "slug": "how-shenzhen-became-drone-capital",
        "section": "hardware",
        "authors": ["wang-lei"],
        "title": "How Shenzhen became the world's drone capital",
        "dek": "The city produces a large majority of the world's consumer drones. Its dominance rests on batteries, motors and cameras as much as on any single company, and on a decade of fast iteration.",
        "tags": ["Drones", "Shenzhen", "Supply chains"],
        "access": "members",
        "days_ago": 420,
        "featured": False,
        "language": "en",
        "hero_caption": "A flock of drones in formation above a city of factories, trailing ribbons of light.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "If you bought a consumer drone anywhere in the world in the past decade, there is a very good chance it was designed in Shenzhen. DJI, founded in the city in 2006, is by most estimates the largest maker of consumer and commercial drones globally, and a cluster of smaller companies in the city supplies everything from racing drones to industrial inspection systems. How one city came to dominate a whole category of flying machines is a story about supply chains as much as engineering.",
            ),
            (
                "paragraph",
                "The key components of a small drone are batteries, electric motors, cameras, flight controllers and radio links. In the late 2000s, Shenzhen already made vast quantities of all of them for phones, toys and other electronics. Lithium-polymer batteries came from the same suppliers as phone batteries. Brushless motors came from factories making parts for fans and hard drives. Camera modules came from the phone supply chain. Drone makers did not need to build an industry; they needed to recombine one.",
            ),
            ("premium_break", None),
            ("heading", "Speed as a moat"),
            (
                "paragraph",
                "Engineers who worked in the industry during its growth years describe an intensely iterative culture. Products were redesigned every year, sometimes every few months, with features such as obstacle avoidance, foldable arms and subject tracking appearing in quick succession. Competitors in the United States and Europe, several of which were well funded, struggled to match the pace and the prices. Some withdrew from consumer drones entirely to focus on software or specialised markets.",
            ),
            (
                "quote",
                {
                    "text": "In Shenzhen, if you needed a new gimbal motor on Monday, you could have samples from three suppliers by Thursday. That rhythm is very hard to reproduce anywhere else.",
                    "attribution": "Fang Zheng, a former drone engineer who now runs a robotics startup",
                },
            ),
            (
                "paragraph",
                "Dominance has brought scrutiny. Concerns in the United States about data security and national security have led to restrictions on the use of Chinese-made drones by some government agencies, and DJI has been placed on US trade and investment restriction lists, measures the company has publicly disputed. Chinese authorities have also tightened export controls on some drone components and high-end models, citing concerns about military use.",
            ),
            (
                "paragraph",
                "The industry in Shenzhen is now looking beyond consumer products. Drones are used for agriculture, power-line inspection, mapping, firefighting and, increasingly, delivery. Local and national governments promote what they call the “low-altitude economy,” a policy banner that covers drones, electric air taxis and the infrastructure to manage them. Shenzhen has published regulations and subsidies aimed at making the city a testing ground for commercial drone services.",
            ),
            (
                "paragraph",
                "Whether the city can maintain its lead in these newer, more regulated markets is an open question. Industrial drones require certification, service networks and long sales cycles rather than annual product launches. Competitors elsewhere are investing heavily, often with government support of their own, in building non-Chinese supply chains. But for now, the components, the engineers and the habits of rapid iteration remain concentrated within an hour's drive of Huaqiangbei.",
            ),
        ],
    },
    {
        "slug": "agricultural-drones-farmers-catch-up",
        "section": "hardware",
        "authors": ["guo-tianyu"],
        "title": "Agricultural drones now spray a vast share of China's farmland. Farmers are still catching up",
        "dek": "In the rice fields of Hunan, spraying pesticide by drone has gone from novelty to routine in under a decade. The pilots are often young people who never expected to work on a farm.",
        "tags": ["Drones", "Manufacturing", "Local government"],
        "access": "public",
        "days_ago": 180,
        "featured": False,
        "language": "en",
        "hero_caption": "A drone casts a long shadow over terraced rice paddies at dawn.",
        "hero_credit": "Illustration: Li Qiao",
        "body": [
            (
                "paragraph",
                "At 5.30 a.m., before the wind picks up, Peng Hao unfolds the arms of a drone the size of a dining table at the edge of a rice paddy in Hunan's Yiyang county. He fills its tank with 40 litres of fungicide, checks the flight plan on a tablet and steps back. The drone lifts off, hums across the field in neat parallel lines and returns eight minutes later to be refilled. By noon he will have sprayed about 300 mu, or 20 hectares, a job that would once have taken a team of workers several days.",
            ),
            (
                "paragraph",
                "Peng, 28, used to work in an electronics factory in Dongguan. He came home in 2020, took a training course offered by a drone manufacturer and bought his first machine with a loan partly subsidised by the county. He now runs a small spraying service with two other pilots and five drones, charging farmers by the mu. In the busy season, he said, he earns more than he ever did on a factory line. In winter, he mostly maintains his equipment and plays basketball.",
            ),
            (
                "image",
                {
                    "caption": "Spraying services run by young pilots have spread rapidly across China's rice-growing provinces.",
                    "credit": "Illustration: Li Qiao",
                },
            ),
            ("heading", "From novelty to routine"),
            (
                "paragraph",
                "China has become by far the world's largest market for agricultural drones. Manufacturers including DJI and Guangzhou-based XAG sell tens of thousands of units a year, and industry associations estimate that drones now treat a significant share of the country's cropland at least once a year. Government subsidies for agricultural machinery, rural labour shortages and falling drone prices have all driven adoption. Models now carry heavier loads, map fields automatically and can also spread seed and fertiliser.",
            ),
            (
                "quote",
                {
                    "text": "Ten years ago, farmers laughed at us. They said a toy aeroplane could not do a man's job. Now the old men call me before the rain comes.",
                    "attribution": "Peng Hao, drone pilot in Yiyang, Hunan",
                },
            ),
            (
                "paragraph",
                "The shift has not been seamless. Farmers and researchers raise concerns about spray drift onto neighbouring fields and waterways, and about the temptation to apply chemicals more often simply because it has become easier. Pilots need certificates, but enforcement varies. Peng said some operators cut corners on calibration or fly in unsuitable wind to finish more jobs. Local agricultural bureaus have begun running training sessions on correct dosages and weather conditions.",
            ),
            (
                "paragraph",
                "Economics remain tight for small operators. A new spraying drone costs tens of thousands of yuan, prices for services have fallen as competition grew, and the work is seasonal. Some pilots have joined cooperatives or signed up with platforms that dispatch jobs to them, taking a commission. Others have diversified into mapping, seed sowing or, in a few cases, delivering supplies to mountain villages. Peng is considering buying a larger drone for fertiliser spreading.",
            ),
            (
                "paragraph",
                "For the farmers Peng serves, most of whom are in their sixties, the drones have become part of the landscape. Zeng Guilan, who grows rice on about 15 mu with her husband, said she no longer worries about finding labour at spraying time. She still walks the fields afterwards to check the results. “The machine is quick,” she said. “But I have known this land for forty years. It has known it for five.”",
            ),
        ],
    },
    {
        "slug": "delivery-drones-shenzhen-bay-economics",
        "section": "hardware",
        "authors": ["wang-lei"],
        "title": "Delivery drones over Shenzhen Bay: the economics of the sky-high takeaway",
        "dek": "Drones now deliver bubble tea and noodles to parks and office towers in several Chinese cities. Whether the service can ever pay for itself depends on regulation, weather and a lot of boring logistics.",
        "tags": ["Drones", "Shenzhen", "Super-apps", "Local government"],
        "access": "premium",
        "days_ago": 58,
        "featured": False,
        "language": "en",
        "hero_caption": "A takeaway bag dangles from a drone against a skyline of glass towers.",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "On a Saturday afternoon in Shenzhen Bay Park, a family picnicking on the lawn orders two cups of milk tea and a box of dumplings through a food-delivery app. Twelve minutes later, a drone descends onto a metal kiosk near the park's main path. A hatch opens, and the order is waiting in a locker. The father scans a code, collects the food and films the next drone landing for his children. “We order this way because it is fun,” he said. “The tea is the same.”",
            ),
            (
                "paragraph",
                "Drone delivery of meals and small goods has moved from demonstration to daily operation in parts of several Chinese cities, led in Shenzhen by Meituan, which began regular drone deliveries in the city in 2021, alongside other logistics and technology companies. The services typically fly fixed routes between a restaurant hub and landing kiosks in parks, residential compounds or office districts. The number of daily flights is growing, but remains tiny compared with the millions of orders carried by riders on electric scooters.",
            ),
            ("premium_break", None),
            ("heading", "Counting the costs"),
            (
                "paragraph",
                "Operators do not publish detailed economics, but engineers and analysts we interviewed outlined the main costs: the drones themselves, the kiosks, batteries that must be swapped and replaced, staff who monitor flights remotely and load parcels at hubs, and the cost of obtaining and maintaining flight permissions. A rider can take any route to any door. A drone needs a kiosk at each end, which means the final few hundred metres are still walked by the customer.",
            ),
            (
                "paragraph",
                "Weather and airspace impose further limits. Drones are grounded by heavy rain, strong wind and typhoons, which are frequent in southern China in summer. Routes must avoid airports, military zones and densely populated streets, and each new route requires approval. Shenzhen has been one of the most accommodating cities, issuing regulations and designating corridors as part of its push into the “low-altitude economy,” but even there the network is mapped carefully, corridor by corridor.",
            ),
            (
                "quote",
                {
                    "text": "Drones are very cheap per kilometre and very expensive per kiosk. The business works where the kiosk is busy and the alternative route on the ground is slow.",
                    "attribution": "Qiu Lan, a logistics analyst in Guangzhou",
                },
            ),
            (
                "paragraph",
                "That points to where drone delivery makes most sense: routes that are awkward on the ground. Crossing a bay, climbing a hill to a scenic area or reaching an island can take a rider half an hour and a drone five minutes. Operators have highlighted deliveries to tourist sites, hospitals and campuses where ground access is difficult. In rural areas, drones have been used to carry parcels and medical samples across mountainous terrain where roads wind for kilometres.",
            ),
            (
                "paragraph",
                "For now, analysts see drone delivery in China as a long-term infrastructure bet supported by policy enthusiasm rather than a profitable business on its own. The companies involved gain valuable operational data and a head start on regulation. Whether the sky above Shenzhen Bay becomes crowded with takeaway will depend on whether costs fall faster than the novelty wears off. The family in the park, at least, plans to order again next weekend.",
            ),
        ],
    },
    {
        "slug": "huaqiangbei-shanzhai-yingjian-chuangye-ershinian",
        "section": "hardware",
        "authors": ["wang-lei"],
        "title": "深圳华强北二十年：从山寨手机到硬件创业",
        "dek": "在华强北的一个柜台后面，一位老商户见证了深圳电子产业的起落：山寨手机的狂欢、智能硬件的兴起，以及电商时代的冷清与转型。",
        "tags": ["Shenzhen", "Hardware startups", "Supply chains"],
        "access": "public",
        "days_ago": 95,
        "featured": False,
        "language": "zh",
        "search_phrase": "三平米柜台",
        "hero_caption": "华强北街头的霓虹招牌下，一只手正在把一块电路板递给另一只手。",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "一九九八年，十九岁的黄伟从广东梅州来到深圳，在华强北一家电子市场的三平米柜台后面当学徒。那时候，他每天的工作就是帮老板点货、送货，晚上睡在仓库的纸箱旁边。二十多年过去，他已经在同一栋楼里有了自己的两个柜台，主要销售电源芯片和传感器。他说，这条街上发生的每一次变化，他都是在柜台后面看着的。",
            ),
            (
                "paragraph",
                "黄伟最难忘的是山寨手机最火的那几年。二零零七年前后，华强北几乎每个柜台都在卖手机或手机配件，一款新机从设计到上市往往只需要一两个月。有的手机能装四张卡，有的带着电视天线，有的喇叭响得整个车厢都听得见。“那时候一个方案公司加几家工厂，就能做出一个品牌，”他说，“很多人一夜之间发了财，也有很多人一夜之间亏光了。”",
            ),
            ("heading", "山寨之后"),
            (
                "paragraph",
                "智能手机普及之后，山寨手机的生意很快衰落，不少商户转行或离开。但在黄伟看来，那个年代留下的并不只是仿冒的名声，更是一整套快速把想法变成产品的能力：懂得找元器件的人、会做方案的工程师、愿意接小订单的工厂，以及一条信息流动极快的街道。后来做无人机、智能手表、扫地机器人的很多团队，都是从这套体系里成长起来的。",
            ),
            (
                "quote",
                {
                    "text": "外面的人说深圳以前只会抄，现在会创新了。我觉得这里一直都在学，只不过以前是学别人，现在别人开始学我们。",
                    "attribution": "黄伟，华强北电子元器件商户",
                },
            ),
            (
                "paragraph",
                "二零一五年前后，硬件创业的热潮来到华强北。黄伟的柜台前开始出现一些新面孔：背着双肩包的年轻工程师、来自国外的创客、拿着原型机寻找供应商的创业团队。他们往往只买几十个、几百个元器件，却会问很多问题。黄伟说，他愿意花时间给这些人出主意，“今天买一百个的人，明天可能买十万个。就算不买，交个朋友也好。”",
            ),
            (
                "image",
                {
                    "caption": "华强北的电子市场至今仍是许多硬件创业团队寻找元器件和供应商的第一站。",
                    "credit": "Illustration: Zhao Ran",
                },
            ),
            (
                "paragraph",
                "这几年，华强北又经历了一轮变化。越来越多的交易转到线上，很多柜台变成了网店的前置仓，商户白天接待客人，晚上打包发货。租金上涨、人流减少，让一些老商户选择退出。地方政府对街区进行了改造，希望把这里打造成集电子交易、创新创业和旅游于一体的商圈。黄伟对此态度复杂：街道变干净了，但他也怀念过去那种拥挤和热闹。",
            ),
            (
                "paragraph",
                "如今，黄伟的女儿在一家做机器人的创业公司当硬件工程师，偶尔会来柜台拿样品。她所在的公司产品主要卖到欧洲和日本，研发团队里有好几个人都曾在华强北摆过摊。黄伟说，他不确定自己还会在柜台后面站多少年，但他相信这条街不会消失。“东西可以在网上买，”他说，“但是碰到问题，大家还是会跑来华强北问一问。”",
            ),
        ],
    },
    {
        "slug": "where-did-the-maker-spaces-go",
        "section": "hardware",
        "authors": ["mathieu-laurent"],
        "title": "Maker spaces were everywhere in 2015. Where did they go?",
        "dek": "China's 'mass entrepreneurship' campaign produced thousands of co-working spaces and incubators in a few years. Many closed. The survivors tell a story about what state encouragement can and cannot create.",
        "tags": ["Hardware startups", "Local government", "Innovation", "Shenzhen"],
        "access": "members",
        "days_ago": 500,
        "featured": False,
        "language": "en",
        "hero_caption": "An empty workshop with a single 3D printer still running under a dusty banner.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "In January 2015, then-Premier Li Keqiang visited Chaihuo, a small maker space in Shenzhen, and praised the young people building gadgets there. Months later, the State Council launched a national campaign under the slogan “mass entrepreneurship and mass innovation.” Local governments responded with enthusiasm. Within a few years, official figures counted thousands of maker spaces and incubators across the country, many of them subsidised with free rent, equipment grants and per-startup bonuses.",
            ),
            (
                "paragraph",
                "We visited or contacted 40 maker spaces and incubators listed in official directories from 2016 in Shenzhen, Hangzhou, Wuhan and Chengdu. Of those, 23 had closed, 9 had converted into ordinary co-working offices or property rentals, and 8 were still operating broadly as intended. Several of the closed spaces had been registered by property developers who, according to former staff, were mainly interested in the subsidies attached to filling empty buildings.",
            ),
            ("premium_break", None),
            ("heading", "Subsidies for square metres"),
            (
                "paragraph",
                "Former managers described incentive schemes that rewarded the wrong things. Local subsidies were often tied to floor area, the number of registered startups or the number of events held. That encouraged spaces to sign up as many teams as possible, regardless of quality, and to hold frequent pitch competitions for visiting officials. “We counted everything except whether anybody built anything,” said a former manager of an incubator in Wuhan, which closed in 2019.",
            ),
            (
                "quote",
                {
                    "text": "The campaign was right that China needed more founders. It was wrong to think you could produce them by the square metre.",
                    "attribution": "Xie Tong, who ran an incubator in Chengdu from 2015 to 2020",
                },
            ),
            (
                "paragraph",
                "The survivors tended to share a few traits. Most had a clear focus, such as hardware prototyping, biotech or a specific industry, rather than general co-working. Most were run by people with industry experience rather than property managers. And most generated income from services, such as prototyping, training or investment, instead of relying on rent and subsidies. Several of the Shenzhen survivors were closely connected to the city's manufacturing ecosystem.",
            ),
            (
                "paragraph",
                "The campaign did leave a legacy beyond empty offices. People who started companies in that period, even ones that failed, now work throughout the technology industry, and several founders we spoke to said the experience taught them more than their degrees. Entrepreneurship also became more socially acceptable, particularly among parents who once saw only government or large-company jobs as respectable. That cultural shift is difficult to measure but frequently mentioned.",
            ),
            (
                "paragraph",
                "The policy focus has since moved on, from mass entrepreneurship to hard technology and “new quality productive forces.” Government support now flows mostly to industrial parks, guidance funds and research institutes rather than to maker spaces. Some observers see a risk of repeating the same pattern, with targets driving activity rather than genuine demand. Others argue the lessons have been learned. The answer will be visible, as before, in how many of today's shiny new facilities are still busy in five years.",
            ),
        ],
    },
    {
        "slug": "transsion-africa-playbook-copied",
        "section": "hardware",
        "authors": ["amara-okafor"],
        "title": "Transsion's phones were built for Africa. Now competitors are copying the playbook",
        "dek": "The Shenzhen company behind Tecno, Itel and Infinix became Africa's biggest phone seller by designing for local needs. Rivals from China and elsewhere are now targeting the same customers with the same tactics.",
        "tags": ["Smartphones", "Africa", "Going global"],
        "access": "premium",
        "days_ago": 40,
        "featured": False,
        "language": "en",
        "hero_caption": "Market stalls in Lagos stacked with colourful phone boxes under a bright umbrella.",
        "hero_credit": "Illustration: Ines Carvalho",
        "body": [
            (
                "paragraph",
                "On Computer Village's busiest street in Ikeja, Lagos, the first thing most phone sellers show a customer is not the screen or the price. It is the battery. “How many days?” is the question Tunde Adeyemi hears most often at his stall, where phones from Tecno, Itel and Infinix fill most of the glass cabinet. Power cuts are frequent, and many of his customers ride motorcycle taxis or trade in markets all day. A phone that lasts until the weekend sells itself.",
            ),
            (
                "paragraph",
                "Transsion Holdings, the Shenzhen-based company that owns those three brands, built its success in Africa on exactly that kind of local understanding. Its phones introduced features such as multiple SIM card slots when many users carried cards from different networks, loud speakers for music in noisy markets and camera software tuned for darker skin tones. It invested in service centres and in marketing that reached far beyond big cities. Industry trackers have for years ranked it as the continent's largest smartphone seller.",
            ),
            ("premium_break", None),
            (
                "image",
                {
                    "caption": "In Lagos's Computer Village, battery life is often the first question customers ask.",
                    "credit": "Illustration: Ines Carvalho",
                },
            ),
            ("heading", "The crowd arrives"),
            (
                "paragraph",
                "That position is being contested. Xiaomi, Oppo, Honor and other Chinese brands have expanded across Africa in recent years, often hiring executives and distributors who previously worked with Transsion. Samsung remains strong in the mid-range. Rivals are adopting similar tactics: large batteries, aggressive pricing on entry-level models, local marketing featuring African musicians and footballers, and installment plans offered through mobile-money and lending partners.",
            ),
            (
                "quote",
                {
                    "text": "Transsion taught everybody that Africa is not one market and not a dumping ground for old models. Now everybody has learned the lesson, and the competition is on the same street.",
                    "attribution": "Chinedu Eze, a Lagos-based telecoms analyst",
                },
            ),
            (
                "paragraph",
                "Transsion has responded by moving upmarket and diversifying. Its Infinix and Tecno brands now release phones with features, such as fast charging and foldable screens, that compete with more expensive brands. The company has expanded in South Asia, the Middle East and Latin America, reducing its dependence on Africa. It has also built businesses in accessories, home appliances and mobile internet services, including music streaming and content apps preinstalled on its phones.",
            ),
            (
                "paragraph",
                "For sellers like Adeyemi, the competition is mostly good news. Prices for entry-level smartphones have fallen, and distributors offer better credit terms to win shelf space. But margins are thinner, and customers have become more demanding, comparing specifications on social media before they arrive at his stall. He has started a TikTok account where he reviews new models. “Before, I sold phones,” he said. “Now I also have to be a reviewer, a bank and a repair shop.”",
            ),
            (
                "paragraph",
                "The broader story is one of maturing markets. Africa's smartphone adoption still lags other regions, leaving room for growth, but customers are no longer buying their first device. They are upgrading, which means brand loyalty, after-sales service and software updates matter more. Transsion's early bet on understanding African consumers made it the leader. Whether that head start holds depends on whether it can keep understanding them better than a crowd that has now read the same playbook.",
            ),
        ],
    },
    {
        "slug": "xiaomi-oppo-vivo-india-assembly",
        "section": "hardware",
        "authors": ["priya-raman"],
        "title": "Why Xiaomi, Oppo and Vivo still assemble in India, despite the pressure",
        "dek": "Chinese brands still sell a large share of India's smartphones. Rising scrutiny, local-partner expectations and incentives for Indian manufacturers are changing how they operate there.",
        "tags": ["Smartphones", "India", "Going global", "Supply chains"],
        "access": "premium",
        "days_ago": 280,
        "featured": False,
        "language": "en",
        "hero_caption": "A smartphone split down the middle, one half in saffron and one in red, joined by a row of screws.",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "On the outskirts of Greater Noida, near Delhi, rows of factory buildings assemble millions of smartphones a year for Chinese brands. The workers are Indian, most of the managers are Indian, and an increasing share of the components are sourced locally, at least for simpler parts such as chargers, battery packs and printed circuit boards. The brands on the boxes, however, are Vivo, Oppo, Xiaomi and others headquartered in Shenzhen, Dongguan and Beijing.",
            ),
            (
                "paragraph",
                "Chinese brands have dominated India's smartphone market for most of the past decade, consistently holding a majority of shipments according to industry trackers. They won by offering strong specifications at low prices, investing heavily in offline retail beyond big cities and building local factories early, in response to Indian tariffs and the government's push to make electronics domestically. That success has made them highly visible, and in recent years, highly scrutinised.",
            ),
            ("premium_break", None),
            ("heading", "Scrutiny and adjustment"),
            (
                "paragraph",
                "Since border clashes between India and China in 2020, Indian authorities have banned hundreds of Chinese apps, tightened rules on investment from neighbouring countries and opened tax and foreign-exchange investigations into several Chinese phone makers. The companies have disputed the allegations and some cases remain before the courts. Industry executives say officials have also encouraged Chinese brands to appoint Indian executives to senior roles, bring in Indian equity partners and use Indian distributors and contract manufacturers.",
            ),
            (
                "paragraph",
                "The brands have adjusted. Several have appointed Indian nationals as chief executives or to other top posts in their Indian units, expanded partnerships with Indian contract manufacturers and announced plans to increase local sourcing and exports from India. Some have explored selling stakes in their local operations to Indian companies. Executives describe the strategy as becoming “more Indian than the Indians,” emphasising jobs and exports in public communications.",
            ),
            (
                "quote",
                {
                    "text": "Nobody can walk away from a market of this size. The question is how much of the company you are willing to localise, and how quickly.",
                    "attribution": "Rakesh Menon, a Bengaluru-based consultant to electronics manufacturers",
                },
            ),
            (
                "paragraph",
                "India's production-linked incentive scheme for electronics, which rewards manufacturers for increasing output, has mostly benefited Apple's suppliers and Indian firms rather than Chinese brands. That has shifted the competitive landscape. Samsung and Apple have gained in the premium segment, while Indian contract manufacturers have grown by assembling for multiple brands. Chinese companies still lead in the budget and mid-range categories that make up the bulk of the market.",
            ),
            (
                "paragraph",
                "For consumers, the tension is mostly invisible. A student in Lucknow buying a phone is choosing between camera quality, battery life and the offer at the local shop. For the brands, India remains the largest growth market outside China, and a test of whether Chinese companies can operate in a country where political relations with Beijing are strained. So far the answer has been yes, with conditions attached, and those conditions keep changing.",
            ),
        ],
    },
    {
        "slug": "europe-battleground-chinese-phone-brands",
        "section": "hardware",
        "authors": ["priya-raman", "wang-lei"],
        "title": "Europe is the new battleground for Chinese phone brands",
        "dek": "With growth slowing at home and markets in India and the US harder to reach, Chinese smartphone makers are pouring money into European retail, carrier deals and football sponsorships.",
        "tags": ["Smartphones", "Europe", "India", "Going global"],
        "access": "public",
        "days_ago": 455,
        "featured": False,
        "language": "en",
        "hero_caption": "A football stadium whose stands are lit by thousands of phone screens.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "Walk into a large electronics store in Madrid, Milan or Warsaw and the phone aisle tells a story that would have seemed unlikely a decade ago. Alongside Samsung and Apple, a wall of devices from Xiaomi, Honor, Oppo, Realme and others competes for attention with bright displays and discount stickers. Xiaomi has for several years ranked among Europe's top three smartphone sellers by volume, and other Chinese brands have grown quickly, especially in southern and eastern Europe.",
            ),
            (
                "paragraph",
                "The push reflects pressures elsewhere. China's domestic smartphone market has matured, with people replacing phones less often. India remains important but politically fraught. The United States is largely closed to Chinese phone brands for commercial and regulatory reasons. Europe, with its large and relatively affluent population and an open retail market, has become the obvious next frontier, and the competition there has intensified accordingly.",
            ),
            ("heading", "Lessons from Huawei"),
            (
                "paragraph",
                "Huawei's experience looms over the market. Until 2019 it was one of Europe's leading phone brands, but US restrictions cut it off from Google's services, which European consumers expect on Android phones, and its share collapsed. The lesson other brands drew was the importance of keeping access to Google services and of avoiding geopolitical controversy. Several have emphasised European data storage, local partnerships and compliance with EU privacy rules in their marketing.",
            ),
            (
                "quote",
                {
                    "text": "In Europe you do not win by being the cheapest. You win by being on the carrier's shelf, in the carrier's advert and in the carrier's contract. That takes years of relationship-building.",
                    "attribution": "Katarzyna Nowak, former head of devices at a Polish mobile operator",
                },
            ),
            (
                "paragraph",
                "Carrier relationships are indeed central. In many European countries, a large share of phones are sold through mobile operators, often bundled with monthly contracts. Chinese brands have invested heavily in winning those deals, sometimes by offering operators better margins or exclusive models. They have also sponsored football clubs and tournaments, hired European designers and opened research centres in cities such as Paris, Munich and Helsinki, partly to build credibility and partly to recruit engineers.",
            ),
            (
                "paragraph",
                "Patent disputes have been another hazard. In 2022 Oppo scaled back its presence in Germany after a court ruling in a patent case brought by Nokia; the two companies later reached a licensing agreement. Disputes over standard-essential patents are common in the industry, but they highlight how exposure to European courts differs from competing at home. Brands now budget substantial sums for licensing agreements as a cost of doing business in the region.",
            ),
            (
                "paragraph",
                "What Europe will look like in five years is hard to predict. Regulators are increasingly focused on repairability, software support and environmental standards, which could favour brands that invest in long-term service rather than rapid product cycles. Trade tensions could spill into electronics. But for now the Chinese brands are settling in for a long campaign, and the European shopper, walking past that crowded wall of phones, is the clear beneficiary.",
            ),
        ],
    },
    {
        "slug": "how-qr-codes-beat-credit-cards",
        "section": "fintech",
        "authors": ["lin-xiaowen"],
        "title": "How QR codes beat credit cards: a short history of mobile payments in China",
        "dek": "China skipped the plastic-card era almost entirely. The reasons have as much to do with street vendors, red envelopes and cheap phones as with technology.",
        "tags": ["Mobile payments", "Super-apps", "Innovation"],
        "access": "public",
        "days_ago": 600,
        "featured": False,
        "language": "en",
        "hero_caption": "A black-and-white QR code grows like a mosaic across the awning of a street-food stall.",
        "hero_credit": "Illustration: Li Qiao",
        "body": [
            (
                "paragraph",
                "Visitors to China are often struck by a sight that has become utterly ordinary for locals: an elderly woman selling vegetables from a cart, a laminated QR code dangling from its handle. She has probably never owned a credit card, and neither have many of her customers. But she accepts digital payments from anyone with a phone, and the money lands in her account instantly, without a terminal, a contract or, for small sums, much of a fee.",
            ),
            (
                "paragraph",
                "The story of how China got there begins with e-commerce. Alipay was created by Alibaba in 2004 to solve a problem of trust: buyers on its Taobao marketplace did not want to pay strangers before receiving goods, and sellers did not want to ship before being paid. Alipay held the money in escrow until the buyer confirmed delivery. It was not a revolutionary technology, but it was exactly what Chinese online shoppers needed in a country where card ownership was low.",
            ),
            ("heading", "The leap to the street"),
            (
                "paragraph",
                "The move offline came with smartphones and QR codes. Around 2013 and 2014, Alipay and Tencent's newly launched WeChat Pay began encouraging merchants to display printed codes that customers could scan with their phones. The system required no special hardware on the merchant side, which made it ideal for small shops and street vendors. Both companies spent heavily on subsidies, offering discounts and cash rewards to users and merchants in a battle for market share.",
            ),
            (
                "quote",
                {
                    "text": "Card networks needed banks to install terminals, and terminals needed shops worth the investment. A QR code needed a printer and a piece of tape. That difference decided everything.",
                    "attribution": "Zhu Hong, a former product manager at a payments company",
                },
            ),
            (
                "paragraph",
                "WeChat's big breakthrough was social. During the Lunar New Year of 2014 it launched a digital version of the traditional red envelope, allowing users to send small gifts of money to friends and relatives in group chats. Millions of people linked a bank card to WeChat for the first time just to join in. Within a few years, the two wallets together handled the vast majority of mobile payments in the country, and carrying cash became unusual in big cities.",
            ),
            (
                "paragraph",
                "Regulation followed growth. The central bank required payment companies to route online transactions through a central clearing house, known as NetsUnion, from 2018, and tightened rules on customer deposits held by payment firms. Regulators have since pushed the two wallets to open up to each other and to make it easier for users to choose between them. The digital yuan, issued by the central bank itself, has been positioned partly as a public alternative to private wallets.",
            ),
            (
                "paragraph",
                "The system has its costs. Older people and foreign visitors who cannot use the apps have found daily life harder, prompting campaigns to ensure shops still accept cash and cards. The dominance of two private platforms has raised questions about data, competition and financial stability. But few would dispute that China built one of the world's most convenient payment systems by skipping a stage that most other countries went through. The vegetable seller's laminated code is a monument to that leap.",
            ),
        ],
    },
    {
        "slug": "digital-yuan-pilots-not-wallets",
        "section": "fintech",
        "authors": ["lin-xiaowen"],
        "title": "The digital yuan is everywhere in pilots and nowhere in wallets",
        "dek": "The e-CNY has processed large sums in government-backed trials, salary payments and transit schemes. Ordinary users still reach for Alipay and WeChat Pay. Here is why, and what might change that.",
        "tags": ["Digital yuan", "Mobile payments", "Local government"],
        "access": "premium",
        "days_ago": 22,
        "featured": False,
        "language": "en",
        "hero_caption": "A shiny digital coin sits in a display case while shoppers walk past holding their phones.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "In Suzhou, some civil servants receive part of their salaries in digital yuan. In Shenzhen, residents have won lotteries paying out e-CNY red envelopes. In Chengdu, the metro accepts it, and in Xiong'an, the new city south of Beijing, contractors have been paid with it. By any measure of pilot programmes, the People's Bank of China's digital currency has been extraordinarily busy since its first public trials in 2020. Yet ask people in any of those cities how they paid for lunch, and the answer is almost always Alipay or WeChat Pay.",
            ),
            (
                "paragraph",
                "The e-CNY is a digital form of cash issued by the central bank and distributed through commercial banks. Users hold it in a dedicated app or within bank apps, and it can be used at a growing number of merchants, often by scanning the same QR codes that accept private wallets. The central bank has reported cumulative transaction values in the trillions of yuan, but it does not regularly publish figures on active users, and independent estimates suggest daily use remains a small fraction of mobile payments.",
            ),
            ("premium_break", None),
            ("heading", "The convenience gap"),
            (
                "paragraph",
                "The main obstacle is simple: for consumers, the existing system already works. Alipay and WeChat Pay are embedded in super-apps people use for everything from chatting to booking doctors, offer rewards and credit products, and are accepted almost everywhere. The digital yuan offers few features they do not already have. Several users we interviewed had downloaded the e-CNY app to claim a promotional red envelope, spent it and never opened the app again.",
            ),
            (
                "image",
                {
                    "caption": "Many users downloaded the e-CNY app to claim promotional red envelopes and then stopped using it.",
                    "credit": "Illustration: Circuit East Studio",
                },
            ),
            (
                "paragraph",
                "Officials and analysts argue that consumer adoption is not the only, or even the main, measure of success. The digital yuan gives the central bank a payment infrastructure of its own, reduces dependence on private platforms and provides a tool for targeted payments such as subsidies and government transfers. It has been tested for cross-border settlement through a project linking several central banks, and for programmable payments in which funds can only be spent for specific purposes.",
            ),
            (
                "quote",
                {
                    "text": "The e-CNY was never going to win by being a better Alipay. Its value is as public infrastructure, and infrastructure tends to be invisible until you need it.",
                    "attribution": "Fu Yan, an economist at a Beijing financial research institute",
                },
            ),
            (
                "paragraph",
                "Privacy is another recurring question. The central bank describes the system as offering “controllable anonymity,” with small transactions shielded from merchants and other parties but traceable by authorities when needed to fight crime. Critics argue that a central-bank currency gives the state more visibility into transactions than cash. Supporters note that the private wallets already collect extensive data, and that the e-CNY's tiered design limits who can see what.",
            ),
            (
                "paragraph",
                "Change is more likely to come from institutions than consumers. As more government payments, salaries and business-to-business transactions are settled in e-CNY, people may gradually find it in their accounts and keep using it. Banks have been encouraged to integrate it more deeply into their apps. For now, the digital yuan remains a striking case of a technology that has succeeded on paper and in pilots, while waiting for a reason to matter in everyday life.",
            ),
        ],
    },
    {
        "slug": "after-p2p-crackdown-people-still-waiting",
        "section": "fintech",
        "authors": ["lin-xiaowen", "zhou-min"],
        "title": "After the P2P crackdown: the lenders, the losses and the people still waiting",
        "dek": "China's peer-to-peer lending industry once had thousands of platforms. By 2020 it had been wound down almost entirely. Years later, many investors are still trying to recover their money.",
        "tags": ["P2P lending", "Mobile payments", "Local government"],
        "access": "members",
        "days_ago": 380,
        "featured": False,
        "language": "en",
        "hero_caption": "A queue of people holding paper receipts stretches toward a closed office door.",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "Every few months, Mrs. Qian, a 67-year-old retired accountant in Hangzhou, logs in to a government-run website to check the status of her claim. In 2017 she put 380,000 yuan, most of her savings, into a peer-to-peer lending platform that promised annual returns of 11 percent. In 2018 the platform stopped paying. Its founders were later convicted of illegally raising public funds. So far she has received back a little under 20 percent of her money, in three instalments.",
            ),
            (
                "paragraph",
                "Her story is one of millions. Online peer-to-peer lending, in which platforms matched individual investors with borrowers, grew explosively in China after 2013. At its peak the industry had thousands of active platforms, a lightly regulated mix of genuine lending businesses, poorly managed startups and outright frauds. A series of collapses, starting with the Ezubao case in 2016 and accelerating in 2018, triggered a nationwide crackdown. By late 2020, regulators said the number of operating P2P platforms had fallen to zero.",
            ),
            ("premium_break", None),
            ("heading", "How the industry grew so large"),
            (
                "paragraph",
                "Former employees and regulators describe an industry that grew in a gap between rules. Banks were reluctant to lend to small businesses and consumers without collateral, and ordinary savers had few investment options beyond deposits with low interest rates and a volatile stock market. P2P platforms promised to connect the two. Many quickly moved from simple matchmaking to pooling funds, guaranteeing returns and lending to related companies, practices that turned them into unregulated banks.",
            ),
            (
                "quote",
                {
                    "text": "People think the problem was fintech. It was not. The problem was old-fashioned: promising safe, high returns, and hiding the risk in the small print.",
                    "attribution": "A former risk manager at a Shanghai lending platform",
                },
            ),
            (
                "paragraph",
                "The wind-down has been long and uneven. Recovery depends on the assets that can be found and seized, the number of claimants and the efficiency of the local authorities handling each case. Some investors have recovered most of their money; many others have received little. Local governments have established procedures for registering claims and distributing recovered funds, but progress is slow, and some cases involve assets scattered across provinces or moved abroad.",
            ),
            (
                "paragraph",
                "The collapse reshaped China's consumer-finance landscape. Licensed consumer-finance companies, banks and large technology platforms took over much of the lending that P2P had offered, under tighter rules on capital, interest rates and data use. Some former P2P platforms converted into loan-facilitation businesses, which connect borrowers with banks for a fee. Regulators have since tightened those rules too, requiring platforms to share more of the risk.",
            ),
            (
                "paragraph",
                "For Mrs. Qian, the policy debates feel distant. She checks the website less often now and has told her daughter not to expect an inheritance from those savings. She still uses her phone to pay for groceries and buy train tickets, but she does not invest online any more. “Technology was not the thief,” she said. “But it made it very easy for the thief to find me.”",
            ),
        ],
    },
    {
        "slug": "kestrel-pay-cross-border-sellers",
        "section": "fintech",
        "authors": ["lin-xiaowen"],
        "title": "Cross-border payment startups bet on Chinese sellers going global",
        "dek": "Small exporters need to collect dollars, euros and reals, convert them and pay suppliers in yuan. A crowded field of fintech firms, including newcomer Kestrel Pay, is competing to move that money.",
        "tags": ["Cross-border payments", "Going global", "Mobile payments"],
        "access": "premium",
        "days_ago": 62,
        "featured": False,
        "language": "en",
        "search_phrase": "Kestrel Pay",
        "hero_caption": "A stream of coins of different colours pours through a funnel shaped like a shipping container.",
        "hero_credit": "Illustration: Ines Carvalho",
        "body": [
            (
                "paragraph",
                "For a seller of phone cases in Shenzhen who sells on Amazon in Germany, TikTok Shop in Indonesia and Mercado Libre in Brazil, getting paid is surprisingly complicated. Each platform pays out in local currency, on its own schedule, to accounts in its own country. The money must then be converted, moved to China and used to pay suppliers in yuan, all while complying with foreign-exchange rules in several jurisdictions. A decade ago, the process could eat up 3 percent of revenue. Today, intense competition has pushed fees far lower.",
            ),
            (
                "paragraph",
                "Hangzhou, home to Alibaba and Ant Group, has become a centre for the businesses that handle this process. Established firms such as PingPong and LianLian, along with units of large banks and payment groups, offer sellers virtual accounts in multiple currencies, conversion and fast transfers to China. A new generation of startups is trying to compete on speed, software and niche markets. One of them, Kestrel Pay, founded in 2022 by two former employees of a large payments group, focuses on sellers in Latin America and the Middle East.",
            ),
            ("premium_break", None),
            ("heading", "A race to the bottom on fees"),
            (
                "paragraph",
                "Competition has compressed fees dramatically. Several firms now charge well under 1 percent for collecting and converting funds, and some offer zero-fee tiers, making money on foreign-exchange spreads, credit products or software subscriptions instead. Kestrel Pay's chief executive, Dong Xu, said the company charges 0.4 percent on average but earns more from a working-capital product that advances funds to sellers against their pending platform payouts.",
            ),
            (
                "image",
                {
                    "caption": "Payment firms compete to move money from foreign marketplaces back to suppliers in China.",
                    "credit": "Illustration: Ines Carvalho",
                },
            ),
            (
                "paragraph",
                "Regulation is the industry's biggest variable. China's foreign-exchange regulator requires payment firms to verify that funds arriving from abroad correspond to real trade, which means checking orders, shipping records and platform data. Overseas, firms need licences in each market they serve, and authorities in the United States and Europe have stepped up scrutiny of payment flows linked to Chinese companies. Compliance teams at some firms now outnumber sales staff.",
            ),
            (
                "quote",
                {
                    "text": "Moving money is the easy part. Proving to three regulators in three countries that the money belongs to a real seller selling real goods is the business.",
                    "attribution": "Dong Xu, chief executive of Kestrel Pay",
                },
            ),
            (
                "paragraph",
                "The growth of platforms such as Temu and Shein, which buy from suppliers in China and sell directly to foreign consumers, has also changed the market. In those models, the platform handles foreign payments itself and pays suppliers in yuan, reducing the need for independent sellers to collect money abroad. Payment firms have responded by targeting brands that sell through their own websites and on multiple marketplaces, and by expanding into emerging markets where platforms are more fragmented.",
            ),
            (
                "paragraph",
                "Dong is betting that fragmentation will persist. As Chinese sellers expand into Brazil, Mexico, Saudi Arabia and Turkey, they face local payment methods, volatile currencies and complex tax rules that large platforms do not fully solve. Kestrel Pay has about 4,000 active sellers and processed the equivalent of several billion yuan last year, he said. It is small by industry standards. “Nobody needs another payment company,” he said. “They need one that understands Brazilian tax invoices.”",
            ),
        ],
    },
    {
        "slug": "shuzi-renminbi-caichang-tanzhu",
        "section": "fintech",
        "authors": ["lin-xiaowen"],
        "title": "数字人民币走进菜市场：摊主们怎么看",
        "dek": "在数字人民币试点城市，不少菜场摊主的收款码旁多了一块新牌子。我们在几个菜市场待了一周，听他们讲讲新钱包带来的便利、困惑和顾虑。",
        "tags": ["Digital yuan", "Mobile payments", "Local government"],
        "access": "members",
        "days_ago": 205,
        "featured": False,
        "language": "zh",
        "search_phrase": "菜场摊主",
        "hero_caption": "菜摊上并排挂着几块收款码，一只手机正对着其中一块扫描。",
        "hero_credit": "Illustration: Li Qiao",
        "body": [
            (
                "paragraph",
                "早上六点，杭州城西一家农贸市场刚开门，卖豆腐的周阿姨已经摆好了摊位。她的案板旁边挂着三块收款码：一块支付宝，一块微信支付，还有一块是去年社区工作人员帮她申请的数字人民币收款码。“三块牌子，一个钱包都不能少，”她笑着说。在她看来，数字人民币最大的变化是多了一个选项，而不是改变了什么。她说，不少老顾客连手机付款都是让孙子帮忙设置的，更不用说再学一个新钱包了。",
            ),
            (
                "paragraph",
                "作为数字人民币试点城市之一，杭州近年来通过发放消费红包、推动商户开通收款等方式扩大使用范围。在我们走访的几家菜市场里，大多数菜场摊主都已经可以接受数字人民币付款，但真正用它付款的顾客并不多。一位卖水果的摊主估计，每天一百多笔交易中，用数字人民币的不到五笔，而且大多集中在政府发放消费券的那几周。",
            ),
            ("premium_break", None),
            ("heading", "便利与困惑"),
            (
                "paragraph",
                "对摊主来说，数字人民币的一个优点是到账快、手续费低。按照现行安排，商户使用数字人民币收款通常不需要支付手续费，这对利润本来就薄的小本生意有一定吸引力。卖鱼的徐师傅说，他算过一笔账，如果大部分顾客都用数字人民币，一年可以省下几百元。“但顾客不用，我省也省不下来，”他说，“总不能逼着人家换钱包。”",
            ),
            (
                "quote",
                {
                    "text": "政府发红包的时候，大家都来问怎么用。红包花完了，又都回到原来的习惯。买菜这件事，顾客最在乎的是快，不是换新东西。",
                    "attribution": "周阿姨，杭州一家农贸市场的豆腐摊主",
                },
            ),
            (
                "paragraph",
                "一些年纪较大的摊主则表示，不太清楚数字人民币和手机支付到底有什么区别。有人以为它是一种新的银行卡，有人担心钱放在里面不安全。社区工作人员说，他们在推广时会反复解释：数字人民币是央行发行的法定货币，和纸币一样，只是换成了数字形式。但这样的解释对于每天凌晨三点去批发市场进货的摊主来说，显得有些抽象。",
            ),
            (
                "paragraph",
                "也有摊主看到了新的可能。卖干货的林女士的儿子在银行工作，帮她把数字人民币钱包和进货结算联系起来，她从批发商进货时也可以直接用数字人民币付款，资金周转更方便。她说，如果未来更多批发商、物流公司和政府补贴都使用数字人民币，它在市场里的作用可能会变大。“现在像一条新修的路，”她说，“车还不多，但路已经通了。”",
            ),
            (
                "paragraph",
                "研究支付的学者认为，菜市场里的情况反映了数字人民币推广的普遍难题：在移动支付已经高度普及的中国，个人用户缺少更换工具的动力。相比之下，工资发放、政府补贴、公共交通和企业结算等场景，可能才是它真正的突破口。对于周阿姨来说，这些宏观讨论离她很远。她关心的是，今天的豆腐能不能在中午之前卖完。",
            ),
        ],
    },
    {
        "slug": "foreign-visitors-pay-with-phones-mostly",
        "section": "fintech",
        "authors": ["guo-tianyu"],
        "title": "Foreign visitors can finally pay with their phones in China. Mostly",
        "dek": "Alipay and WeChat Pay now accept foreign cards, and hotels and taxis have been told to take cash and cards too. We asked tourists how it is going and tested the setup ourselves.",
        "tags": ["Mobile payments", "Super-apps", "Cross-border payments"],
        "access": "public",
        "days_ago": 8,
        "featured": False,
        "language": "en",
        "hero_caption": "A traveller's phone shows a QR code while a suitcase overflows with coins and cards.",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "For years, one of the most common complaints from foreign visitors to China was not about visas or the language barrier. It was about paying for things. In a country where almost everyone pays by scanning a QR code with Alipay or WeChat Pay, tourists with only foreign credit cards found that many shops, restaurants and even taxis could not take their money. Some ended up asking strangers to pay for them and handing over cash in return.",
            ),
            (
                "paragraph",
                "That has changed significantly. Since 2023, both super-apps have allowed users to link internationally issued Visa, Mastercard and other cards, after a simplified identity check. National authorities have also issued guidelines urging large merchants, hotels, tourist sites and transport hubs to accept foreign cards and cash, and to improve services for international visitors, as China expanded visa-free entry to more countries. Banks have installed more card terminals and currency exchange points at airports and railway stations.",
            ),
            ("heading", "Our test"),
            (
                "paragraph",
                "We asked three visitors, from Germany, Brazil and Kenya, to set up Alipay and WeChat Pay on arrival in Beijing and use them for a week. All three succeeded in linking their cards within about twenty minutes. Payments worked at almost every restaurant, shop and convenience store they visited, and both apps offered translation and taxi-booking features inside mini-programs. The Brazilian visitor said it was “easier than in some European cities I have visited.”",
            ),
            (
                "quote",
                {
                    "text": "The first day I was nervous. By the third day I was paying for street food by scanning codes like everyone else. The only problem was that my bank called me twice to check it was really me.",
                    "attribution": "Lena Hoffmann, a visitor from Hamburg",
                },
            ),
            (
                "paragraph",
                "There were hiccups. Some small merchants' codes rejected payments from foreign-card users without explanation. Transactions above a certain amount, such as hotel bills, sometimes required additional checks, and fees of around 3 percent applied to larger payments, though small ones were often free. The Kenyan visitor's card was blocked twice by his own bank's fraud system. Metro rides required a separate transport mini-program that initially confused all three.",
            ),
            (
                "paragraph",
                "Cash, too, has made a modest return. Under official guidance, merchants are not supposed to refuse cash, and larger businesses have been told to keep change available. Our visitors paid with cash at a few markets without difficulty, though one vendor spent several minutes searching for coins. International cards were accepted at most large hotels and department stores, but rarely at small restaurants, where scanning codes remains the norm.",
            ),
            (
                "paragraph",
                "The improvements matter beyond tourism. Business travellers, foreign students and residents without Chinese bank accounts have long faced the same obstacles, and authorities have linked easier payments to wider efforts to attract visitors and investment. For travellers planning a trip, our advice is simple: set up both apps before you fly, tell your bank you are travelling, carry a little cash and download a translation app. The rest, mostly, just works now.",
            ),
        ],
    },
    {
        "slug": "buy-now-pay-later-goes-quiet",
        "section": "fintech",
        "authors": ["lin-xiaowen"],
        "title": "Buy now, pay later goes quiet: consumer credit under China's new rules",
        "dek": "Instalment buttons once appeared on almost every checkout page in China. Tighter rules on online lending, data use and marketing have made consumer credit slower, smaller and more bank-centred.",
        "tags": ["Mobile payments", "Platform economy", "Data security"],
        "access": "premium",
        "days_ago": 290,
        "featured": False,
        "language": "en",
        "hero_caption": "A shopping cart on a steep slope, held in place by a tangle of red tape.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "A few years ago, buying a pair of trainers on a Chinese shopping app could involve more credit offers than a mortgage application. The checkout page might suggest paying in three, six or twelve instalments, offer a discount for using a virtual credit line and prompt the user to raise their limit. Platforms described it as financial inclusion. Critics called it an engine of debt among young people. Since then, the offers have become noticeably fewer and quieter.",
            ),
            (
                "paragraph",
                "The change followed a series of regulatory steps beginning in 2020, when authorities halted Ant Group's planned share listing and started reshaping the online lending industry. Rules on internet loans required platforms that facilitate lending to contribute more of their own capital to loans, limited cross-regional lending by small lenders and restricted how consumer data could be used for credit decisions. Credit products once run by technology platforms were brought under licensed consumer-finance companies.",
            ),
            ("premium_break", None),
            ("heading", "From platform to bank"),
            (
                "paragraph",
                "The result has been a shift of consumer credit away from platforms and toward banks and licensed lenders. Technology firms still play a central role, identifying borrowers and running the apps, but they now share more risk and pass more of the lending decision to partners. Several executives described margins that are thinner and growth that is slower, but a business that regulators consider more stable. Marketing rules have also restricted aggressive targeting of students and young people.",
            ),
            (
                "quote",
                {
                    "text": "The old model was growth first and ask questions later. The new model is questions first, and growth if there is any left.",
                    "attribution": "An executive at a licensed consumer-finance company in Shanghai",
                },
            ),
            (
                "paragraph",
                "Data rules have mattered as much as lending rules. The Personal Information Protection Law, in force since late 2021, requires consent for processing personal data and limits how it can be shared. Regulators have also required platforms to pass credit-related data through licensed credit-reporting agencies rather than sending it directly to lenders. That has made it harder to build instant credit offers based on detailed shopping and social data, which was the competitive advantage of the largest platforms.",
            ),
            (
                "paragraph",
                "Borrowers have noticed. Several young people we interviewed said their credit limits had been reduced or were harder to raise, and that instalment offers appeared less prominently. Some welcomed it. “I used to buy things because the monthly number looked small,” said a 24-year-old office worker in Chengdu who paid off about 30,000 yuan in consumer loans last year. Others said it had become harder to manage cash flow between pay cheques, pushing them toward credit cards or family loans.",
            ),
            (
                "paragraph",
                "Policymakers now face a different problem. With household consumption weak, authorities have encouraged banks and lenders to support spending, including through consumer credit. That has led to renewed promotions, particularly for big-ticket items such as cars and appliances. The balance between encouraging consumption and avoiding the excesses of the earlier boom is delicate, and the instalment button, quieter but not gone, is where it will be tested.",
            ),
        ],
    },
    {
        "slug": "ant-group-long-road-after-halted-ipo",
        "section": "fintech",
        "authors": ["zhou-min"],
        "title": "Ant Group's long road after the halted IPO",
        "dek": "In November 2020, regulators halted what would have been the world's largest share listing. The restructuring that followed reshaped not just Ant, but the rules for all of China's fintech industry.",
        "tags": ["Platform economy", "Mobile payments", "Antitrust"],
        "access": "premium",
        "days_ago": 470,
        "featured": False,
        "language": "en",
        "hero_caption": "A stock-exchange bell hangs silent while a crane rebuilds the building behind it.",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "On 3 November 2020, two days before Ant Group's shares were due to begin trading in Shanghai and Hong Kong, the listing was suspended. Regulators said the company's circumstances had changed in ways that might mean it no longer met listing requirements. The planned offering had been expected to raise more than $34 billion. Its suspension became the opening act of a broader tightening of rules for China's largest internet companies that lasted for several years.",
            ),
            (
                "paragraph",
                "At the time, Ant was far more than a payments company. Through Alipay it also offered consumer loans, investment products, insurance and credit scoring, much of it in partnership with banks and other financial institutions that provided most of the capital. Regulators argued that the company was operating like a financial group without being regulated as one, and that its lending model shifted risk to partners while Ant collected fees.",
            ),
            ("premium_break", None),
            ("heading", "What the restructuring required"),
            (
                "paragraph",
                "The restructuring that followed took more than two years. Ant was required to apply to become a financial holding company supervised by the central bank, to hold more capital, to move its consumer-lending business into a licensed consumer-finance company and to separate its credit-scoring operations into a licensed personal credit agency partly owned by state-backed shareholders. It also had to break what regulators called its monopoly on information and ensure fair competition in payments.",
            ),
            (
                "paragraph",
                "In January 2023, the company announced a change in shareholding structure that ended its founder's control. In July of that year, regulators announced fines totalling about 7.1 billion yuan for past violations and said the main problems at large platform companies' financial businesses had been largely rectified. The announcement was widely read as marking the end of the intensive phase of fintech regulation, though supervision continued.",
            ),
            (
                "quote",
                {
                    "text": "The halted IPO was a single event, but the rules written afterwards apply to everyone. In that sense, the restructuring of Ant was really the writing of a rulebook for the whole industry.",
                    "attribution": "Wen Shu, a financial-regulation lawyer in Beijing",
                },
            ),
            (
                "paragraph",
                "The company that emerged is more bank-like, more capitalised and more closely supervised. Its growth rates are lower, and it has emphasised technology services, international payments through its Alipay+ network and cross-border services for merchants. Ant has also repurchased some of its shares and reorganised several business units. A listing, if it ever comes, would be under very different conditions from those of 2020.",
            ),
            (
                "paragraph",
                "For the wider industry, the legacy is a set of principles that now shape every fintech business in China: financial activities require licences, platforms must hold capital proportionate to the risks they take, and data used for lending is subject to strict rules. Supporters say that made the system safer. Critics argue it reduced innovation and competition in consumer finance. Both views can be true, and the debate continues as authorities try to encourage platform companies to invest and grow again.",
            ),
        ],
    },
    {
        "slug": "wechat-pay-won-lunar-new-year-red-envelopes",
        "section": "fintech",
        "authors": ["guo-tianyu"],
        "title": "Red envelopes, digital edition: how WeChat Pay won Lunar New Year",
        "dek": "A feature built in a few weeks for the Spring Festival turned WeChat into a payments giant. A decade later, the digital hongbao is a ritual with its own etiquette, games and grievances.",
        "tags": ["Mobile payments", "Super-apps"],
        "access": "public",
        "days_ago": 700,
        "featured": False,
        "language": "en",
        "hero_caption": "Red envelopes fly out of a phone screen like a flock of birds over a family dinner table.",
        "hero_credit": "Illustration: Li Qiao",
        "body": [
            (
                "paragraph",
                "For generations, Chinese families marked the Lunar New Year with <i>hongbao</i>, red paper envelopes stuffed with cash and handed from elders to children, bosses to employees, and between friends. In January 2014, Tencent added a digital version to WeChat. Users could send a red envelope to a group chat, splitting a sum randomly among the first people to tap it. The feature was reportedly built in a matter of weeks. It spread across the country within days.",
            ),
            (
                "paragraph",
                "The magic was the randomness. Because the amount each person received was unpredictable, grabbing a red envelope became a game, and group chats erupted into frenzies of tapping whenever someone sent one. To take part, users needed to link a bank card to WeChat, and millions did so over the holiday. Payments industry veterans still describe it as one of the most effective user-acquisition campaigns in the history of fintech.",
            ),
            ("heading", "The Spring Festival Gala"),
            (
                "paragraph",
                "The following year, WeChat partnered with the state broadcaster's Spring Festival Gala, the most-watched television programme in the country. Viewers were invited to shake their phones at certain moments to win red envelopes funded by sponsors. Tencent reported billions of shakes over the evening. Alipay, which had long dominated online payments, responded with its own campaigns, and the two companies spent heavily in subsequent years on New Year promotions.",
            ),
            (
                "quote",
                {
                    "text": "Before the red envelopes, WeChat was where you talked. After them, it was where your money lived. It took one holiday to change the habit of a country.",
                    "attribution": "Luo Jie, a former product manager at a Beijing internet company",
                },
            ),
            (
                "paragraph",
                "A decade on, the digital red envelope has its own etiquette. Bosses are expected to send them to work groups during the holiday, and the size and frequency of envelopes is scrutinised. Families send them to relatives who cannot travel home. Couples exchange envelopes with amounts chosen for their symbolism, such as 520 yuan, which sounds like “I love you” in Mandarin. Grabbing an envelope and disappearing from the chat without saying thank you is considered rude.",
            ),
            (
                "paragraph",
                "There are grievances too. Some people complain that the digital version has turned a gesture of affection into an obligation, and that elderly relatives who are not comfortable with smartphones are left out. Others note that red-envelope games in group chats can create pressure, with participants feeling obliged to send envelopes after receiving them. Platforms have introduced limits on the size of envelopes and controls for minors.",
            ),
            (
                "paragraph",
                "Paper hongbao have not disappeared. Many families still prefer crisp new bills for children, and banks report strong demand for new notes before the holiday. But the digital envelope has become a permanent part of how Chinese people celebrate, and a reminder that the most successful financial products in China have often been social first and financial second. The feature that made WeChat a bank did so by letting people play.",
            ),
        ],
    },
    {
        "slug": "sichuan-crop-insurance-mini-programs",
        "section": "fintech",
        "authors": ["lin-xiaowen"],
        "title": "Insurtech in the countryside: a Sichuan startup sells crop insurance through mini-programs",
        "dek": "Tianyu Baoxian uses satellite images and WeChat mini-programs to sell and settle crop insurance for smallholders. The hard part is not the technology but the trust.",
        "tags": ["Mini-programs", "Mobile payments", "Local government"],
        "access": "public",
        "days_ago": 345,
        "featured": False,
        "language": "en",
        "hero_caption": "A patchwork of fields seen from a satellite, with one plot highlighted inside a phone frame.",
        "hero_credit": "Illustration: Ines Carvalho",
        "body": [
            (
                "paragraph",
                "When hail flattened half of Luo Dehua's rapeseed field in Sichuan's Deyang prefecture last spring, he did not wait for an adjuster. He opened a WeChat mini-program on his phone, took photos of the damage and submitted a claim. Three days later, a payment of 2,300 yuan arrived in his account. “My father waited four months for a claim once,” he said, standing among the recovering plants. “And he had to drive to the county town twice.”",
            ),
            (
                "paragraph",
                "The mini-program is run by Tianyu Baoxian, a Chengdu-based insurance-technology startup that works with licensed insurers to sell and manage crop insurance for smallholder farmers. China's agricultural insurance market is among the largest in the world, supported by premium subsidies from central and local governments. But for decades it has been plagued by high administrative costs, slow claims and suspicion among farmers who were not sure what they were buying.",
            ),
            (
                "image",
                {
                    "caption": "Tianyu Baoxian compares satellite images before and after a weather event to speed up claims.",
                    "credit": "Illustration: Ines Carvalho",
                },
            ),
            ("heading", "Satellites and selfies"),
            (
                "paragraph",
                "Tianyu's approach combines several tools. Satellite imagery is used to map insured plots and to detect large-scale damage after floods, droughts or storms, allowing claims to be estimated for whole villages at once. For smaller events, farmers submit geotagged photos through the mini-program. A model trained on thousands of past claims flags suspicious submissions for human review. Payments are made directly into farmers' accounts, linked to their identity and land records.",
            ),
            (
                "quote",
                {
                    "text": "The technology is the easy part. The hard part is that farmers have been disappointed by insurance before. We have to prove ourselves one claim at a time.",
                    "attribution": "Xiang Li, cofounder of Tianyu Baoxian",
                },
            ),
            (
                "paragraph",
                "Trust is built largely offline. Tianyu employs about 120 village agents, often local shopkeepers or retired officials, who explain policies, help older farmers use the app and collect feedback. The company says claim settlement time has fallen from an average of several weeks to under a week for most cases. It covers about 400,000 households in Sichuan and Chongqing and expects to break even next year, a claim it made last year too.",
            ),
            (
                "paragraph",
                "Challenges remain. Satellite images can be obscured by clouds during the very storms that cause damage, and small, fragmented plots are difficult to assess accurately from space. Local officials play a significant role in subsidised insurance programmes, and startups must work within relationships established by large state-owned insurers. Regulators have also tightened rules on online insurance sales, requiring clearer disclosures and limiting what intermediaries can promise.",
            ),
            (
                "paragraph",
                "For Luo, the value is easy to explain. He pays about 40 yuan per mu for insurance on his crops, most of it subsidised, and considers it a sensible cost in a region where extreme weather has become more frequent. He has started helping neighbours submit claims on their phones. “Old people think it is a trick,” he said. “Then they see the money arrive, and they ask me to teach them again next year.”",
            ),
        ],
    },
    {
        "slug": "opinion-china-fintech-story-is-plumbing",
        "section": "fintech",
        "authors": ["chen-yuting"],
        "title": "Opinion: China's fintech story is now a story about plumbing",
        "dek": "The era of dazzling consumer finance apps is over. The interesting work in Chinese fintech has moved into clearing systems, compliance software and the pipes that connect banks, platforms and the state.",
        "tags": ["Mobile payments", "Digital yuan", "Cross-border payments", "P2P lending"],
        "access": "members",
        "days_ago": 140,
        "featured": False,
        "language": "en",
        "hero_caption": "A cutaway of a city street reveals a tangle of golden pipes carrying coins beneath the pavement.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "When I started covering Chinese fintech more than a decade ago, the stories wrote themselves. A new app was offering money-market funds to people who had never invested. Another was lending to students based on their shopping habits. Payment wars produced billions of yuan in subsidies and a national habit of scanning codes. It was noisy, fast and frequently reckless, and it made for headlines that foreign readers found astonishing.",
            ),
            (
                "paragraph",
                "That era is over. Regulation since 2020 has brought consumer lending, wealth management and credit scoring firmly under licensed institutions and tight supervision. Growth in the big consumer apps has slowed. Founders who once would have started a lending platform now start compliance-software firms. Investors who once chased user growth now ask about regulatory licences. To many observers, Chinese fintech has simply become boring. Conference panels that once debated disruption now debate capital ratios.",
            ),
            ("premium_break", None),
            ("heading", "Boring is where the action is"),
            (
                "paragraph",
                "I think that reading misses where the interesting work has moved. The most consequential projects in Chinese finance today are about plumbing: the clearing systems that route payments between banks and platforms, the digital yuan's settlement infrastructure, cross-border networks linking China's payment system with those of its trading partners, and the software that banks use to verify identities and monitor transactions. None of this makes for thrilling demos. All of it shapes how money moves.",
            ),
            (
                "quote",
                {
                    "text": "The apps got the headlines. The pipes will decide who controls the flows.",
                    "attribution": "Chen Yuting, editor-in-chief",
                },
            ),
            (
                "paragraph",
                "Consider cross-border payments. China has expanded its own system for international yuan payments, tested central-bank digital currency settlement with other economies and encouraged domestic payment firms to link with wallets abroad. These efforts are driven partly by commerce and partly by a desire to reduce exposure to financial systems that could be used for sanctions. Whatever one thinks of the motives, they will shape trade finance for decades.",
            ),
            (
                "paragraph",
                "Or consider compliance. Anti-fraud rules, data-protection laws and requirements to verify trade flows have created a large market for software that checks identities, scans transactions and generates reports for regulators. Chinese firms building these tools are quietly exporting them to banks in Southeast Asia, the Middle East and Africa. That could prove more influential, in the long run, than any consumer app the industry produced in its flashier years.",
            ),
            (
                "paragraph",
                "So our fintech coverage will look a little different. We will still write about the apps people use, because that is where the effects of policy are felt. But we will spend more time on the less glamorous layers underneath: who builds the pipes, who sets the standards and who gets to see the data flowing through them. It is less exciting than a red-envelope war. It is also where the important decisions are now being made.",
            ),
        ],
    },
    {
        "slug": "data-security-law-what-changed-for-startups",
        "section": "policy",
        "authors": ["zhou-min"],
        "title": "What the Data Security Law actually changed for startups",
        "dek": "The law that took effect in September 2021 introduced new categories of data and new obligations. For most young companies, the practical impact came through paperwork, contracts and questions from investors.",
        "tags": ["Data security", "Venture capital", "Platform economy"],
        "access": "public",
        "days_ago": 520,
        "featured": False,
        "language": "en",
        "hero_caption": "A filing cabinet with drawers labelled in traffic-light colours, one of them locked with a padlock.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "When China's Data Security Law took effect on 1 September 2021, much of the foreign commentary focused on its implications for large multinational companies and for the ability of Chinese firms to list abroad. For the founders of smaller Chinese startups, the law arrived more quietly, in the form of new clauses in contracts, new questions from investors and, for some, a new full-time employee whose title included the word “compliance.”",
            ),
            (
                "paragraph",
                "The law is a framework rather than a detailed rulebook. It requires the state to classify data according to its importance to national security and the public interest, and it creates special categories of “important data” and “core data” that carry stricter obligations. Companies handling important data must appoint people responsible for data security, conduct regular risk assessments and submit them to regulators. Penalties for serious violations can reach 10 million yuan and include suspension of business.",
            ),
            (
                "image",
                {
                    "caption": "The law requires data to be classified by importance, with stricter rules for the most sensitive categories.",
                    "credit": "Illustration: Circuit East Studio",
                },
            ),
            ("heading", "What founders noticed first"),
            (
                "paragraph",
                "For most startups, the immediate question was whether any of their data counted as important. For years that question was difficult to answer, because catalogues of important data were to be issued by regions and industries over time. Startups in sectors like mapping, health, automotive and logistics, where data can reveal information about infrastructure or large populations, took the most cautious approach. Several founders we interviewed said they had simply stopped collecting certain data they did not strictly need.",
            ),
            (
                "quote",
                {
                    "text": "The cheapest way to comply with a data law is to have less data. That is a lesson a lot of startups learned in 2021, sometimes after years of collecting everything just in case.",
                    "attribution": "Han Mei, a data-protection lawyer in Shanghai",
                },
            ),
            (
                "paragraph",
                "Investors changed their due diligence. Funds began asking startups for data inventories, descriptions of where servers were located and who had access, and copies of privacy policies and user-consent flows. Companies with foreign investors or plans to list abroad faced extra questions about whether data would leave China. Some founders described the process as burdensome; others said it forced them to clean up messy systems that would have caused trouble eventually.",
            ),
            (
                "paragraph",
                "The law also interacts with others. The Personal Information Protection Law, effective two months later, governs personal data. The Cybersecurity Law, in force since 2017, sets rules for network operators and critical infrastructure. Together, the three form the core of China's data regime, supplemented by a steady stream of implementing regulations, standards and guidelines. Lawyers say the overlaps can be confusing, especially for small companies without in-house counsel.",
            ),
            (
                "paragraph",
                "Years later, the picture is more settled. Regulators have clarified several points, eased some rules on cross-border data transfers and published more guidance on what counts as important data. Most startups now treat data compliance as a routine cost, like tax filings. The law's biggest effect, founders say, was cultural: it ended the assumption that data was simply a free asset to be collected and exploited, and made it something that needed to be justified.",
            ),
        ],
    },
    {
        "slug": "platform-economy-rules-scorecard",
        "section": "policy",
        "authors": ["zhou-min"],
        "title": "Platform-economy rules after the storm: a scorecard",
        "dek": "Antitrust guidelines, fines, rectification orders and new data rules reshaped China's biggest internet companies. We looked at what regulators set out to change, and what actually changed.",
        "tags": ["Platform economy", "Antitrust", "Super-apps"],
        "access": "premium",
        "days_ago": 100,
        "featured": False,
        "language": "en",
        "hero_caption": "A referee's scorecard pinned to a board of app icons, several of them crossed out and redrawn.",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "Between late 2020 and 2022, Chinese regulators issued an extraordinary sequence of rules and penalties aimed at the country's largest internet platforms. Antitrust guidelines for the platform economy were published in February 2021. Record fines followed. Companies were ordered to rectify practices ranging from exclusive deals with merchants to the way algorithms set delivery times. Then, gradually, the tone changed, and officials began to emphasise support for the platform economy and its role in growth and employment.",
            ),
            (
                "paragraph",
                "With the intensive phase behind us, we assessed the main goals regulators publicly set out at the time against what we can observe today. The exercise is necessarily partial: many changes happened inside companies and are not visible from outside, and some outcomes reflect a slowing economy as much as policy. But it offers a way to move beyond the simple narratives of “crackdown” and “easing” that dominate discussion of the period.",
            ),
            ("premium_break", None),
            ("heading", "Exclusivity: largely achieved"),
            (
                "paragraph",
                "The clearest change concerns exclusivity. Regulators targeted the practice known as “choose one of two,” in which platforms pressured merchants not to sell on rival services. Merchants we interviewed overwhelmingly said overt exclusivity demands had ended, and most large brands now sell across multiple platforms. Some described subtler forms of pressure, such as differences in traffic allocation, but few said they felt unable to work with competitors.",
            ),
            ("heading", "Interoperability: partial"),
            (
                "paragraph",
                "Regulators also pushed platforms to stop blocking each other's links and services. Progress has been real but incomplete. Users can now share many links from rival services in WeChat and pay with WeChat Pay on some Alibaba properties, which was not possible before. But the experience often involves extra steps, warnings or copied text rather than seamless connections. The walled gardens have gates now. They have not become parks.",
            ),
            (
                "quote",
                {
                    "text": "The rules changed what platforms are allowed to do to each other. They did not change the fact that a few companies sit at the centre of Chinese digital life.",
                    "attribution": "Liu Ning, a competition economist at a Beijing university",
                },
            ),
            (
                "paragraph",
                "On workers' conditions, regulators called for platforms to improve pay transparency, insurance and rest for delivery riders and drivers, and companies announced changes to algorithms and benefits. Riders we interviewed reported modest improvements, such as longer delivery windows and easier access to accident insurance, alongside continuing pressure on earnings. On data, the new privacy and data-security laws clearly changed how platforms handle personal information, though enforcement remains uneven across smaller apps.",
            ),
            (
                "paragraph",
                "The broader economic effects are harder to separate from other factors. The market value of Chinese internet companies fell sharply during the period and has only partly recovered, and investment in consumer-internet startups slowed. Officials now stress that platform companies are important for the economy and encourage them to invest and expand abroad. Our overall verdict is that regulators succeeded in setting boundaries that did not exist before, at a real cost to confidence that is still being repaired.",
            ),
        ],
    },
    {
        "slug": "antitrust-fines-rectifications-after",
        "section": "policy",
        "authors": ["zhou-min", "chen-yuting"],
        "title": "The antitrust fines, the rectifications and what came after",
        "dek": "Alibaba's 18.2 billion yuan fine in 2021 was the headline. The more lasting changes came from the amended Anti-Monopoly Law, merger reviews and the compliance departments that grew inside every platform.",
        "tags": ["Antitrust", "Platform economy", "Super-apps"],
        "access": "premium",
        "days_ago": 610,
        "featured": False,
        "language": "en",
        "hero_caption": "A judge's gavel made of stacked app icons resting on a legal code.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "In April 2021, China's State Administration for Market Regulation fined Alibaba 18.2 billion yuan for abusing its dominant position in online retail, chiefly by pressuring merchants not to sell on rival platforms. It was the largest antitrust penalty in the country's history. Six months later, Meituan was fined 3.44 billion yuan for similar practices in food delivery. Dozens of smaller penalties followed for failing to report past acquisitions, including many deals by Tencent and Alibaba.",
            ),
            (
                "paragraph",
                "For a country whose Anti-Monopoly Law had been in force since 2008 but rarely applied to internet companies, the shift was abrupt. The fines attracted global attention, but the lawyers and compliance officers we interviewed argued that they were not the most important part of the story. The lasting changes, they said, came from how the rules were institutionalised: an amended law, a more powerful regulator and a new role for compliance inside the companies themselves.",
            ),
            ("premium_break", None),
            ("heading", "The amended law"),
            (
                "paragraph",
                "The Anti-Monopoly Law was amended with effect from August 2022. The revision raised penalties for failing to notify mergers, introduced rules specifically addressing the use of data, algorithms and platform rules to restrict competition, and gave regulators power to review deals that fell below notification thresholds if they might harm competition. It also introduced a “safe harbour” for certain agreements between companies with small market shares, a provision designed to reduce the burden on smaller firms.",
            ),
            (
                "paragraph",
                "Merger review became a routine consideration in technology deals. Investment teams at large platforms told us they now involve antitrust lawyers at an early stage, and that some deals have been restructured or abandoned to avoid lengthy reviews. Investments in startups by the largest platforms slowed markedly, partly for this reason and partly because of a broader retrenchment. Founders who once hoped for acquisition by a giant increasingly look to other exits.",
            ),
            (
                "quote",
                {
                    "text": "Before 2021, antitrust was something you read about in American newspapers. After 2021, it was a line in every deal memo and a person in every negotiation.",
                    "attribution": "A partner at an international law firm's Beijing office",
                },
            ),
            (
                "paragraph",
                "Inside the companies, compliance departments expanded rapidly. Platforms published compliance commitments, created internal review processes for new business rules and trained merchant-facing staff on what they could and could not say. Regulators, for their part, shifted emphasis toward guidance and normalised supervision, a phrase that signalled a move away from campaign-style enforcement toward more predictable oversight. Officials also began publishing more enforcement decisions, giving companies precedents to study.",
            ),
            (
                "paragraph",
                "How much competition has actually increased is contested. New entrants such as PDD's Pinduoduo and ByteDance's Douyin have grown into major e-commerce players, which suggests markets were never entirely closed. Some observers credit the antitrust push with helping them; others argue they would have grown anyway. What is clear is that the era in which platform companies could impose exclusivity and acquire rivals without scrutiny has ended, and the rules that ended it are now a permanent part of the landscape.",
            ),
        ],
    },
    {
        "slug": "cybersecurity-review-step-by-step",
        "section": "policy",
        "authors": ["zhou-min"],
        "title": "How a cybersecurity review works, step by step",
        "dek": "The review that preceded Didi's delisting made the process famous. Here is what triggers a review, who decides, how long it takes and what companies are asked to provide.",
        "tags": ["Data security", "Platform economy", "Super-apps"],
        "access": "members",
        "days_ago": 430,
        "featured": False,
        "language": "en",
        "hero_caption": "A flowchart of arrows and checkpoints drawn over the outline of a smartphone.",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "In July 2021, days after the ride-hailing company Didi listed its shares in New York, Chinese authorities announced a cybersecurity review of the company and ordered app stores to remove its app. Reviews of the trucking platform Full Truck Alliance and the recruitment app Boss Zhipin followed. Didi later delisted from New York and, in 2022, was fined 8.026 billion yuan for violating data and privacy laws. The episode made the cybersecurity review, until then an obscure procedure, known around the world.",
            ),
            (
                "paragraph",
                "The review system is governed by the Cybersecurity Review Measures, revised with effect from February 2022. Reviews are coordinated by an office under the Cyberspace Administration of China and involve a group of ministries and agencies. They can be triggered in two main ways: when an operator of critical information infrastructure buys network products or services that might affect national security, and when a platform operator holding personal information on more than one million users seeks to list abroad.",
            ),
            ("premium_break", None),
            ("heading", "The timeline"),
            (
                "paragraph",
                "Once an application is submitted, the review office has ten working days to decide whether a review is needed. If it is, an initial review is meant to be completed within thirty working days, although that can be extended for complex cases. If the initial assessment is not conclusive or members of the review group disagree, the case enters a special review procedure, which generally takes ninety working days and can be extended further. Authorities can also start a review on their own initiative.",
            ),
            (
                "paragraph",
                "Companies are asked to submit a declaration, an analysis of the potential impact on national security, and, for listings, documents such as the prospectus. The assessment considers risks such as core data, important data or large amounts of personal information being stolen, leaked or illegally sent abroad, and the risk that a listing could expose data to influence or control by foreign governments. Lawyers say the supporting materials for a large platform can run to thousands of pages.",
            ),
            (
                "quote",
                {
                    "text": "The formal criteria are published. What takes time is demonstrating, in detail and with evidence, exactly where data goes and who could reach it.",
                    "attribution": "Song Ke, a cybersecurity lawyer in Beijing",
                },
            ),
            (
                "paragraph",
                "In practice, the review has become a standard step for large Chinese companies considering overseas listings, alongside filing requirements with the securities regulator introduced in 2023. Several companies have completed reviews and gone on to list abroad, and Full Truck Alliance and Boss Zhipin resumed new user registrations in 2023 after their reviews ended. Lawyers advise clients to plan for the review months before they expect to list.",
            ),
            (
                "paragraph",
                "The process remains less transparent than many companies would like. Decisions are not published in detail, and companies are rarely told precisely why a review lasted as long as it did. But its basic logic is now well understood: large holdings of personal data and overseas listings are treated as potential national-security questions, and companies must prove that they have controlled the risks before they can proceed.",
            ),
        ],
    },
    {
        "slug": "local-governments-buy-startups-with-factories",
        "section": "policy",
        "authors": ["mathieu-laurent"],
        "title": "Local governments are buying startups with factories, not cash",
        "dek": "Cities across China compete to attract promising companies with free buildings, cheap loans and equity investments. Founders describe bidding wars, and the strings attached.",
        "tags": ["Local government", "Venture capital", "Electric vehicles", "Manufacturing"],
        "access": "premium",
        "days_ago": 220,
        "featured": False,
        "language": "en",
        "hero_caption": "City skylines line up like bidders at an auction, each holding up a paddle shaped like a factory.",
        "hero_credit": "Illustration: Li Qiao",
        "body": [
            (
                "paragraph",
                "Last autumn, the founder of a robotics startup in Shanghai received visits from officials representing six different cities in the space of a month. Each delegation brought a presentation. One offered a newly built factory of 20,000 square metres, rent-free for three years. Another offered to invest 200 million yuan through a municipal fund in exchange for moving the company's headquarters. A third offered apartments for key engineers and a place in a good school for the founder's daughter.",
            ),
            (
                "paragraph",
                "The founder, who asked not to be named because negotiations were ongoing, said the visits were flattering and exhausting. They were also entirely typical. Chinese local governments have long competed to attract investment, but the competition has intensified and changed form. With land sales weakening as a source of revenue and central policy prioritising high-tech industry, cities are pouring resources into recruiting startups in sectors such as robotics, batteries, semiconductors and AI.",
            ),
            ("premium_break", None),
            ("heading", "The package deal"),
            (
                "paragraph",
                "Founders and advisers describe a standard package. A city builds or provides an industrial facility, often through a state-owned development company. A local guidance fund invests equity, sometimes alongside private investors. Banks are encouraged to provide loans. In return, the startup commits to registering its headquarters or a major subsidiary locally, reaching targets for investment, output or tax revenue, and sometimes to hiring local staff. Missing those targets can trigger clawbacks.",
            ),
            (
                "image",
                {
                    "caption": "Incentive packages typically combine a factory, equity from a local fund and bank loans.",
                    "credit": "Illustration: Li Qiao",
                },
            ),
            (
                "paragraph",
                "For hardware companies that need manufacturing space, such deals can be transformative, reducing the capital needed to scale. The model has been credited with helping build several industries. Hefei, in Anhui province, is frequently cited for its early investment in the electric-vehicle maker NIO when the company was struggling in 2020, a deal that later paid off for the city. Officials in many other places have since tried to emulate that approach.",
            ),
            (
                "quote",
                {
                    "text": "Every mayor wants their own success story. The problem is that there are not enough good companies to go around, so the same startups get courted by twenty cities.",
                    "attribution": "Kong Wei, a former official who now advises companies on site selection",
                },
            ),
            (
                "paragraph",
                "The risks are the mirror image of the benefits. Startups that accept targets they cannot meet may end up locked into expensive facilities, or moving headquarters several times to chase new incentives. Cities can be left with idle factories and losses on their investments, as several discovered after the failure of electric-vehicle startups. Central authorities have issued guidance against excessive local incentives and duplicate investment, and have called for a unified national market.",
            ),
            (
                "paragraph",
                "The robotics founder eventually chose a city in Jiangsu province, not because it offered the most money but because the factory was a short train ride from his engineers in Shanghai and the targets in the agreement were, in his words, “ambitious but not crazy.” He hired a lawyer specifically to review the investment agreement. “The first offer is always generous,” he said. “You have to read what happens if you miss the numbers.”",
            ),
        ],
    },
    {
        "slug": "difang-zhaoshang-chanye-jijin-huan-zongbu",
        "section": "policy",
        "authors": ["zhou-min"],
        "title": "地方招商新玩法：用产业基金换企业总部",
        "dek": "从“给地给政策”到“以投带引”，越来越多的地方政府通过产业基金入股企业来吸引项目落地。这种做法带来了资金，也带来了新的风险和约束。",
        "tags": ["Local government", "Venture capital", "Manufacturing"],
        "access": "premium",
        "days_ago": 170,
        "featured": False,
        "language": "zh",
        "search_phrase": "以投带引",
        "hero_caption": "一座城市的轮廓被画成一张投资协议书，签名处是一枚写着厂房的印章。",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "过去，中国地方政府招商引资的常见手段是低价供地、税收返还和各类补贴。如今，越来越多的城市把产业基金当作主要工具：政府出资设立基金，入股有潜力的企业，条件是企业把总部、生产基地或研发中心落在当地。业内把这种做法称为“以投带引”，即用股权投资带动产业项目落地。合肥、苏州、深圳等地都被视为这一模式的代表。",
            ),
            (
                "paragraph",
                "这种模式的吸引力显而易见。对企业来说，政府基金不仅提供资金，还往往带来厂房、银行贷款和各种配套服务，能大幅降低扩张成本。对地方政府来说，与直接补贴相比，股权投资在企业成功后还能获得回报，资金可以循环使用。一位长三角城市的招商干部对我们说：“补贴是花出去的钱，投资是可能赚回来的钱，对财政来说完全不一样。”",
            ),
            ("premium_break", None),
            ("heading", "落地承诺与对赌条款"),
            (
                "paragraph",
                "但资金从来不是免费的。我们查阅了多份地方产业基金的投资协议摘要，并采访了多位创业者和律师。协议中常见的条款包括：企业须在规定期限内完成注册和迁址，达到约定的投资额、产值或纳税额，部分协议还要求企业在当地保持一定的员工规模。如果未能达标，基金有权要求企业或创始人回购股份，有时还要支付利息。",
            ),
            (
                "quote",
                {
                    "text": "很多创始人只看估值和金额，不看附件里的回购条款。等到市场变了、目标完不成，才发现自己背上了一笔很重的债。",
                    "attribution": "邱文静，上海一家律师事务所的合伙人",
                },
            ),
            (
                "paragraph",
                "城市之间的竞争也让问题更加复杂。一些明星项目同时被多个城市争抢，企业在不同地方设立多个主体，分别对应不同的政策和基金，管理成本大幅上升。也有企业为了拿到更多支持，在多个城市重复建设产能，造成资源浪费。近年来，中央层面多次强调建设全国统一大市场，要求规范地方招商引资行为，防止过度补贴和恶性竞争。",
            ),
            (
                "paragraph",
                "基金管理人同样面临压力。政府出资的基金需要兼顾产业目标和国有资产保值增值，一旦投资失败，相关人员可能面临问责。这使得不少基金更偏好成熟、风险较低的项目，真正需要资金的早期企业反而难以获得支持。一些地方开始探索提高风险容忍度、建立尽职免责机制，但具体执行效果仍有待观察。",
            ),
            (
                "paragraph",
                "对于创业者来说，地方产业基金已经成为融资环境中不可忽视的一部分。多位受访者建议，在谈判时应当把落地条件、考核指标和退出机制放在与估值同等重要的位置。一位在安徽建厂的电池材料企业创始人说，他们当初拒绝了一座开价更高的城市，因为对方要求企业两年内产值翻三倍。“钱多不一定是好事，”他说，“能做到的承诺才是好承诺。”",
            ),
        ],
    },
    {
        "slug": "us-chip-export-controls-explained",
        "section": "policy",
        "authors": ["he-jiaqi"],
        "title": "Export controls, explained: what the US chip rules cover, and what they don't",
        "dek": "Successive rounds of US restrictions target advanced AI chips, chipmaking tools and high-bandwidth memory. A plain-language guide to what is restricted, why, and how Chinese companies are responding.",
        "tags": ["Export controls", "Semiconductors", "Large language models"],
        "access": "public",
        "days_ago": 75,
        "featured": False,
        "language": "en",
        "hero_caption": "A silicon wafer behind a chain-link fence, with small gaps cut along the edges.",
        "hero_credit": "Illustration: Ines Carvalho",
        "body": [
            (
                "paragraph",
                "Few policies have shaped China's technology industry in recent years as much as US export controls on semiconductors. The rules are long, technical and frequently revised, and they are often described in headlines as a blanket ban on selling chips to China. They are not. This explainer sets out, in simplified form, what the controls target, how they have changed and what they mean for Chinese companies. It is not legal advice, and details continue to evolve.",
            ),
            (
                "paragraph",
                "The modern controls began with rules published by the US Commerce Department in October 2022. They restricted exports to China of advanced computing chips above certain performance thresholds, of supercomputer-related items, and of equipment for manufacturing advanced chips. They also restricted US persons from supporting the development or production of advanced chips at certain Chinese facilities. Updates in 2023 and 2024 closed loopholes, adjusted thresholds, added high-bandwidth memory and expanded the list of restricted equipment and companies.",
            ),
            ("heading", "What is covered"),
            (
                "paragraph",
                "In broad terms, the controls cover three things: the most powerful AI accelerators used in data centres; the tools needed to make leading-edge chips, such as advanced lithography, etching and deposition equipment; and specific Chinese companies placed on the Entity List, which cannot receive many US-origin items without a licence. Some rules extend to foreign-made products that use US technology, which gives them reach beyond American companies. Allies including the Netherlands and Japan have introduced their own restrictions on chipmaking equipment.",
            ),
            (
                "image",
                {
                    "caption": "US controls focus on advanced AI accelerators, chipmaking equipment and listed companies rather than all chips.",
                    "credit": "Illustration: Ines Carvalho",
                },
            ),
            (
                "paragraph",
                "Just as important is what is not covered. Most consumer chips, including many used in phones, PCs, cars and appliances, can still be sold to China. Older-generation chipmaking equipment is generally available, which has allowed Chinese manufacturers to expand production of mature chips rapidly. US chip companies have designed products that fall below the performance thresholds specifically for the Chinese market, although regulators have tightened thresholds and licensing requirements over time.",
            ),
            (
                "quote",
                {
                    "text": "The controls are designed as a fence around the frontier, not a wall around the whole industry. The question every company asks is exactly where the fence is this quarter.",
                    "attribution": "Mo Xiaoyu, a trade-compliance consultant in Shenzhen",
                },
            ),
            (
                "paragraph",
                "Chinese companies have responded in several ways. AI developers have stockpiled chips where possible, focused on efficiency and increasingly used domestic accelerators. Chipmakers have invested in domestic equipment and in squeezing more performance from older tools. The government has expanded funding for the semiconductor industry through state-backed investment funds. China has also introduced export controls of its own on certain critical minerals used in chipmaking, such as gallium and germanium.",
            ),
            (
                "paragraph",
                "The debate about effectiveness is unresolved. Supporters of the controls argue they have slowed China's access to the most advanced computing power. Critics argue they have accelerated China's drive for self-sufficiency and hurt American companies' sales. Both effects may be real at the same time. For Chinese technology companies, the practical reality is a permanent layer of uncertainty, and a compliance team that reads every new rule from Washington within hours of its publication.",
            ),
        ],
    },
    {
        "slug": "why-beijing-wants-ai-labels-on-everything",
        "section": "policy",
        "authors": ["he-jiaqi"],
        "title": "Why Beijing wants AI labels on everything",
        "dek": "New rules require AI-generated text, images, audio and video to carry visible labels and hidden metadata. Platforms are scrambling to comply, and creators are discovering what counts as AI-generated.",
        "tags": ["AI regulation", "Large language models", "Live commerce"],
        "access": "public",
        "days_ago": 14,
        "featured": False,
        "language": "en",
        "hero_caption": "A stamp reading 'AI' hovers over a gallery wall of portraits, some real and some generated.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "Scroll through a Chinese short-video app these days and you will notice small grey labels on a growing number of posts: “content suspected to be AI-generated” or “this work was created with AI assistance.” The labels are the visible part of a broader set of rules requiring AI-generated content to be identified, both with notices that users can see and with hidden markers embedded in the files. Platforms, AI developers and creators are all affected.",
            ),
            (
                "paragraph",
                "The requirements build on earlier regulations on so-called deep synthesis, in force since January 2023, which first required labels on some synthetic content such as face swaps. Labelling measures issued by the Cyberspace Administration of China and several other agencies went further. AI service providers must add explicit labels to content such as chatbot text, synthetic voices, generated images and videos in appropriate places, and implicit labels such as metadata identifying the provider. Platforms that distribute content must check for those markers.",
            ),
            ("heading", "Why labels?"),
            (
                "paragraph",
                "Officials have linked the rules to concerns about misinformation, fraud and public confusion. Chinese police have reported scams involving AI-generated voices and faces impersonating relatives or business contacts, and platforms have removed large numbers of fake news videos created with AI tools. Labelling is also meant to support accountability: if harmful content spreads, metadata can help identify which service created it. Similar ideas appear in regulations and proposals in the European Union and elsewhere.",
            ),
            (
                "quote",
                {
                    "text": "Labels do not stop bad actors who strip the metadata. But they raise the cost of deception and make honest use visible. That is the realistic goal.",
                    "attribution": "Yao Dan, a researcher on digital governance at a university in Shanghai",
                },
            ),
            (
                "paragraph",
                "Compliance poses practical problems. Metadata can be removed by screenshots or re-encoding, and detection tools for unlabelled AI content are imperfect, producing both false positives and missed cases. Creators have complained that genuine photographs and paintings have been tagged as AI-generated by automated systems. Platforms say they are refining detection and offering appeal mechanisms, and that most labelling now relies on markers added at the source.",
            ),
            (
                "paragraph",
                "Live-commerce is one area being watched closely. Some sellers use AI-generated virtual hosts to stream around the clock, and regulators and platforms have required that such hosts be clearly identified. Advertising rules also apply: product claims made by a synthetic presenter are treated the same as claims made by a human. Several merchants we spoke to said they had added voice disclaimers at the start of streams to avoid penalties.",
            ),
            (
                "paragraph",
                "The broader question is whether labels will remain meaningful as AI assistance becomes ubiquitous. If most photos are retouched by AI and most texts are drafted with chatbots, a label on everything may signal nothing. Regulators appear to be betting on gradations, distinguishing between content generated wholly by AI and content merely edited with it. How those lines are drawn in practice will shape how Chinese audiences learn to read what they see online.",
            ),
        ],
    },
    {
        "slug": "personal-information-law-what-users-can-ask",
        "section": "policy",
        "authors": ["zhou-min"],
        "title": "China's personal information law in practice: what users can actually ask for",
        "dek": "The PIPL gives individuals rights to access, correct and delete their data and to refuse personalised recommendations. We tested some of those rights with six popular apps.",
        "tags": ["Data security", "Super-apps", "Platform economy"],
        "access": "public",
        "days_ago": 250,
        "featured": False,
        "language": "en",
        "hero_caption": "A user holds a magnifying glass over a long receipt listing every tap and swipe they have made.",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "China's Personal Information Protection Law, which took effect on 1 November 2021, is often compared to Europe's General Data Protection Regulation. Like the GDPR, it requires companies to have a legal basis, usually consent, for processing personal data, to limit collection to what is necessary and to protect sensitive information such as biometrics, health and location with extra care. It also gives individuals a set of rights over their data. We wanted to know what using those rights feels like in practice.",
            ),
            (
                "paragraph",
                "Over a month, two of our reporters submitted requests to six widely used apps covering shopping, food delivery, ride-hailing, short video, maps and messaging. We asked each to provide a copy of our personal data, to correct an error, to delete some data and to explain how personalised recommendations were generated. We also tested the option, required under separate rules on algorithmic recommendation, to switch off personalised feeds.",
            ),
            ("heading", "What we found"),
            (
                "paragraph",
                "All six apps offered a settings page for switching off personalised recommendations, and all six complied, although finding the setting took between two and seven taps and the resulting feeds were noticeably less engaging, which is perhaps the point. Five provided some form of data export within fifteen working days, the period required by national standards. The exports varied widely: one was a detailed spreadsheet of orders and addresses, another a short summary with little more than our profile information.",
            ),
            (
                "quote",
                {
                    "text": "The law gives people rights. Whether those rights are meaningful depends on how easy companies make them to use, and regulators are paying more attention to that now.",
                    "attribution": "Tian Jing, a privacy researcher in Beijing",
                },
            ),
            (
                "paragraph",
                "Deletion was the hardest test. Several apps allowed us to delete our account entirely, but not specific categories of data while keeping the account. Some retained order records, citing legal requirements for tax and e-commerce record-keeping, which the law permits. Explanations of recommendations were generally vague, describing factors such as browsing history and location without detail about how they were weighted. Only one app provided a named contact for its personal information protection officer.",
            ),
            (
                "paragraph",
                "Regulators have periodically named and penalised apps for excessive data collection, forcing permissions and making account deletion difficult, and industry standards have made many practices more uniform. Large platforms now typically publish simplified privacy summaries and lists of third parties with which they share data. Smaller apps, including many mini-programs, are less consistent, and researchers say enforcement against them is patchier.",
            ),
            (
                "paragraph",
                "Our overall impression is of a law that has genuinely changed the baseline. The ability to switch off recommendation algorithms, for instance, is something many users elsewhere do not have. But exercising the more demanding rights requires persistence, and few users are likely to bother. The PIPL's strongest effects may be felt less through individual requests than through the compliance processes it forces companies to build, and through regulators' willingness to enforce it.",
            ),
        ],
    },
    {
        "slug": "opinion-tech-crackdown-was-bureaucracy",
        "section": "policy",
        "authors": ["chen-yuting"],
        "title": "Opinion: The real story of China's tech crackdown was the bureaucracy",
        "dek": "The fines and the fallen share prices got the attention. The more durable change was the creation of a permanent regulatory apparatus that now shapes every technology business in China.",
        "tags": ["Platform economy", "Antitrust", "Data security"],
        "access": "members",
        "days_ago": 540,
        "featured": False,
        "language": "en",
        "hero_caption": "A towering stack of stamped documents casts a long shadow over a glass office tower.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "Ask people abroad about China's tech crackdown and they tend to remember a few dramatic moments: the suspended Ant IPO, the Alibaba fine, the Didi app disappearing from stores, the sudden ban on for-profit tutoring. The coverage, including some of ours, framed those years as a story of confrontation between the state and a handful of powerful companies. That framing was not wrong. But I have come to believe it missed the most important part.",
            ),
            (
                "paragraph",
                "What happened between 2020 and 2022 was not just a series of penalties. It was the construction of a regulatory state for the digital economy. In the space of about two years, China passed or amended laws on data security, personal information and antitrust, expanded the powers and staff of its market regulator and its internet regulator, and created procedures for cybersecurity reviews, algorithm filings and overseas listings. Those institutions did not go away when the headlines did.",
            ),
            ("premium_break", None),
            ("heading", "From campaigns to procedures"),
            (
                "paragraph",
                "Chinese policy has often worked through campaigns: intense, time-limited pushes to fix a problem, after which attention moves elsewhere. The early phase of the tech crackdown had that character. What followed was different. Campaign energy was converted into permanent procedures. Today, launching a new app, algorithm, AI model or overseas listing involves filings and reviews that did not exist five years ago. These procedures are less visible than fines, but they affect every company, not just the giants.",
            ),
            (
                "quote",
                {
                    "text": "Fines are events. Procedures are weather. The companies have learned to live with the weather, but it changes what they can build.",
                    "attribution": "Chen Yuting, editor-in-chief",
                },
            ),
            (
                "paragraph",
                "This matters for how we interpret the current mood. Officials now speak warmly about platform companies, and some restrictions have eased. Many commentators describe this as the end of the crackdown. But the regulatory apparatus remains intact and in daily use. Companies have adapted to it, hiring compliance staff and building relationships with regulators. The question is no longer whether they will be regulated, but how predictably and consistently.",
            ),
            (
                "paragraph",
                "There is a reasonable argument that some of this was overdue. Many countries are trying to write rules for data, algorithms and platform power, and China moved faster than most. There is also a reasonable worry that the speed and opacity of the process damaged confidence and made entrepreneurs more cautious. The two views are not contradictory. Rules can be broadly sensible and still be introduced in ways that impose large costs.",
            ),
            (
                "paragraph",
                "For us as a newsroom, the lesson is about attention. The dramatic moments deserved the coverage they got. But we should have spent more time, earlier, explaining the less dramatic machinery being built around them. That is what we intend to do in our policy reporting: read the implementing rules, follow the filings and talk to the compliance officers, because that is where the shape of China's technology industry is now being decided, one procedure at a time.",
            ),
        ],
    },
    {
        "slug": "cross-border-data-rules-loosened-who-benefits",
        "section": "policy",
        "authors": ["zhou-min", "lin-xiaowen"],
        "title": "Cross-border data rules loosened. Here's who benefits",
        "dek": "Provisions issued in March 2024 exempted many routine data transfers from security assessments. Multinationals, exporters and startups serving foreign clients describe what became easier, and what did not.",
        "tags": ["Data security", "Going global", "Cross-border payments"],
        "access": "public",
        "days_ago": 310,
        "featured": False,
        "language": "en",
        "hero_caption": "A drawbridge lowers across a moat of binary code toward a waiting line of delivery vans.",
        "hero_credit": "Illustration: Li Qiao",
        "body": [
            (
                "paragraph",
                "For several years after China's data laws took effect, companies that needed to send data abroad faced a demanding set of options: a security assessment by the Cyberspace Administration of China, a certification, or a standard contract filed with regulators. Multinational companies complained that routine activities, such as sending employee records to a global human-resources system or sharing customer orders with a foreign headquarters, had become slow and uncertain. In March 2024, regulators issued provisions that changed the picture considerably.",
            ),
            (
                "paragraph",
                "The provisions on promoting and regulating cross-border data flows exempted several categories of transfer from the formal mechanisms. Data generated in international trade, cross-border transport, academic cooperation and manufacturing that contains no personal information or important data can be sent abroad freely. Transfers necessary to perform contracts with individuals, such as booking a hotel abroad or processing cross-border payments, are exempt, as are transfers needed for cross-border human-resources management under proper policies.",
            ),
            ("heading", "Thresholds and free-trade zones"),
            (
                "paragraph",
                "The rules also raised thresholds. Companies transferring personal information of fewer than 100,000 people in a year, excluding sensitive data, no longer need to use any of the formal mechanisms. Security assessments are now required mainly for operators of critical information infrastructure, for transfers of important data, and for larger volumes of personal or sensitive data. Pilot free-trade zones were allowed to publish lists of data that can leave China without assessment, and several have done so.",
            ),
            (
                "quote",
                {
                    "text": "The 2024 rules did not change the principle that data leaving China is regulated. They changed the default for ordinary business from 'prove it is safe' to 'go ahead unless it is sensitive.'",
                    "attribution": "Gu Yan, a data-compliance lawyer in Shanghai",
                },
            ),
            (
                "paragraph",
                "Multinational companies are the most obvious beneficiaries. Several told us that projects stalled for months had been approved or become unnecessary. Cross-border e-commerce sellers and payment firms have also benefited, since many of their transfers are tied to contracts with customers. Startups serving foreign clients, particularly in software and services, said it had become easier to use global cloud tools, although many still keep Chinese data in China to avoid uncertainty.",
            ),
            (
                "paragraph",
                "What did not change is the treatment of important data, which still requires a security assessment, and the broad obligation to protect personal information. Companies in sectors such as automotive, health and mapping, where data is more likely to be classed as important, report little easing. Lawyers also note that exemptions must be documented: a company relying on the contract-performance exemption must be able to show that each transfer is genuinely necessary.",
            ),
            (
                "paragraph",
                "The loosening reflects a broader effort to reassure foreign investors and support exporters at a time of slowing growth. Officials have framed it as balancing security with development. For companies, the immediate effect is less paperwork. The longer-term question is whether the rules stay stable. Business groups have repeatedly said that predictability matters more to them than any individual relaxation, and that the test will be how regulators behave the next time security concerns rise.",
            ),
        ],
    },
    {
        "slug": "bike-sharing-boom-bust-what-it-left",
        "section": "consumer",
        "authors": ["chen-yuting"],
        "title": "The bike-sharing boom and bust, and what it left behind",
        "dek": "For about two years, brightly coloured bikes flooded Chinese cities and investors poured billions into the companies behind them. The collapse was spectacular. What survived is more useful than anyone expected.",
        "tags": ["Bike sharing", "Venture capital", "Local government"],
        "access": "public",
        "days_ago": 440,
        "featured": False,
        "language": "en",
        "hero_caption": "A rainbow of bicycles spills out of a giant piggy bank onto a city street.",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "In the spring of 2017, it was possible to stand on a street corner in Shanghai and count bicycles in seven different colours within a single minute: orange, yellow, blue, green, red, white and a shade of purple nobody could name. Each belonged to a different dockless bike-sharing company. Users unlocked them by scanning a QR code, rode them anywhere and left them wherever they liked. A ride cost about one yuan, and often nothing at all, thanks to subsidies.",
            ),
            (
                "paragraph",
                "The idea was simple and the growth extraordinary. Mobike, founded in 2015, and ofo, which started at Peking University in 2014, raised billions of dollars from some of China's biggest technology companies and international investors. Dozens of competitors appeared. By the end of 2017, tens of millions of shared bikes had been put on Chinese streets. Investors spoke of a new kind of urban infrastructure; critics spoke of a bubble on two wheels.",
            ),
            ("heading", "The unravelling"),
            (
                "paragraph",
                "The economics did not work at that scale. Bikes cost money to build, maintain, rebalance and replace, and a one-yuan fare barely covered a fraction of the cost, especially when rivals were offering free rides. Many companies relied on user deposits, which ranged from 99 to 299 yuan, to fund operations. When smaller players began to fail in 2017, users discovered their deposits were gone. Cities, overwhelmed by bikes blocking pavements, imposed caps and began impounding them.",
            ),
            (
                "quote",
                {
                    "text": "Bike sharing was the first time many Chinese investors learned that a market can be real, popular and still impossible to make money in.",
                    "attribution": "A former strategy director at a bike-sharing company",
                },
            ),
            (
                "paragraph",
                "The two leaders met different fates. Mobike was acquired by Meituan in 2018 and later folded into Meituan's own brand. Ofo ran into financial trouble the same year, and millions of users joined an online queue seeking refunds of their deposits, an image that became a symbol of the boom's excesses. Several investors took large losses. The episode made Chinese venture capital far more sceptical of subsidy-fuelled growth in consumer services.",
            ),
            (
                "paragraph",
                "Yet bike sharing did not disappear. Today it is dominated by a few operators connected to large platforms, including Meituan, Hello and Didi's Qingju, which run fleets under city quotas, charge higher fares and increasingly operate electric bikes. Riders are required to park in designated zones, enforced by GPS, and operators employ large maintenance teams. The service has become a normal, regulated part of urban transport, used for millions of short trips every day.",
            ),
            (
                "paragraph",
                "Looking back, the boom's lessons are familiar but worth repeating. Competition funded by subsidies can build a habit quickly, but it cannot make a business viable. Cities need rules before a service reaches every street corner, not after. And a product that is genuinely useful can survive the collapse of the companies that invented it. Shanghai's commuters still grab a shared bike to get from the metro to the office. They just no longer have to choose between seven colours.",
            ),
        ],
    },
    {
        "slug": "night-shift-keeps-shared-bikes-rolling",
        "section": "consumer",
        "authors": ["guo-tianyu"],
        "title": "The night shift that keeps China's shared bikes rolling",
        "dek": "After the boom came the maintenance. We spent a night with the crews who repair, move and recharge shared bikes across Beijing, and found an industry that now runs on spreadsheets and quotas.",
        "tags": ["Bike sharing", "Work culture", "Local government"],
        "access": "members",
        "days_ago": 590,
        "featured": False,
        "language": "en",
        "hero_caption": "A truck stacked with bicycles drives through an empty city street under orange streetlights.",
        "hero_credit": "Illustration: Li Qiao",
        "body": [
            (
                "paragraph",
                "At 11 p.m., when most of Beijing's commuters are asleep, Zhao Jun's shift is just starting. He drives a small electric truck to a metro station in Chaoyang district, where about 200 shared bikes have accumulated during the evening rush. His job is to load around 40 of them, drive them to a residential compound two kilometres away where tomorrow's morning commuters will need them, and then do it again. By 6 a.m. he will have moved about 300 bikes.",
            ),
            (
                "paragraph",
                "Zhao is one of thousands of workers who keep China's shared bikes running, a workforce that barely existed during the industry's early boom, when operators spent their money on bikes rather than on looking after them. Today the largest operators run their fleets more like logistics businesses than startups. Every bike reports its location, and algorithms predict where demand will appear in the morning. Crews like Zhao's follow a route generated by software and updated every hour.",
            ),
            ("premium_break", None),
            ("heading", "Repair, rebalance, repeat"),
            (
                "paragraph",
                "The repair depot Zhao's company uses is a converted warehouse near the Fifth Ring Road. Mechanics fix flat tyres, broken locks and bent baskets, and replace batteries in electric models. A supervisor showed us a dashboard tracking the percentage of bikes out of service in each district, a figure the city checks against targets in the operator's licence. Beijing, like many cities, sets quotas on fleet sizes and evaluates operators on parking compliance, maintenance and responsiveness to complaints.",
            ),
            (
                "image",
                {
                    "caption": "Mechanics at a Beijing depot repair hundreds of shared bikes each night.",
                    "credit": "Illustration: Li Qiao",
                },
            ),
            (
                "paragraph",
                "Workers are mostly hired through subcontractors and paid by the task. Zhao earns a base wage plus a bonus for each bike moved to a high-demand spot. On a good night he makes about 300 yuan. The work is physically demanding and, in winter, brutally cold. Several workers said the bonuses had become harder to earn as operators optimised routes and tightened targets. Others appreciated that the work was steady, unlike the delivery jobs some of them had left.",
            ),
            (
                "quote",
                {
                    "text": "During the boom, bikes were thrown everywhere and nobody cared. Now every bike has a number, every number has a target and every target has a person like me.",
                    "attribution": "Zhao Jun, a rebalancing driver in Beijing",
                },
            ),
            (
                "paragraph",
                "The operational discipline reflects a changed industry. After the collapse of the subsidy-fuelled boom, the surviving operators raised fares, reduced fleet sizes and focused on profitability per bike. Electronic fences restrict where users can end their rides, and riders who park badly face fines or extra fees. The days of bikes piled in rivers or stacked in vast graveyards on city outskirts, images widely shared in 2018, have largely ended.",
            ),
            (
                "paragraph",
                "At 5.40 a.m. Zhao unloads his final batch outside a residential compound in Wangjing. A few early commuters are already walking toward the gate. Within minutes, the first of them has scanned a bike and ridden away. Zhao does not see it; he is already heading back to the depot. Asked whether he rides a shared bike himself, he laughs. “On my day off, I take a taxi,” he said. “I have seen enough bikes.”",
            ),
        ],
    },
    {
        "slug": "gongxiang-danche-tuichao-zhihou",
        "section": "consumer",
        "authors": ["guo-tianyu"],
        "title": "共享单车退潮之后：押金、坟场与新秩序",
        "dek": "几年前，成堆的共享单车被堆放在城市边缘，几百万用户排队等待退还押金。如今，这个行业已经变得安静而规矩。我们回访了几位亲历者。",
        "tags": ["Bike sharing", "Venture capital", "Local government"],
        "access": "public",
        "days_ago": 360,
        "featured": False,
        "language": "zh",
        "search_phrase": "单车坟场",
        "hero_caption": "夕阳下，一片五颜六色的自行车堆成小山，远处是新建的地铁站。",
        "hero_credit": "Illustration: Ines Carvalho",
        "body": [
            (
                "paragraph",
                "二零一八年冬天，摄影师韩松驾车来到厦门郊外的一片空地，眼前的景象让他愣了很久：数以万计的共享单车被层层堆叠，黄色、橙色、蓝色连成一片，像一块巨大的彩色地毯。他把这组照片命名为“单车坟场”，发到网上后被大量转发。“当时大家都在讨论资本的泡沫，”他说，“可我站在那里，看到的是一堆实实在在的钢铁和橡胶。”",
            ),
            (
                "paragraph",
                "那几年，共享单车几乎在一夜之间铺满了中国的大街小巷。数十家公司涌入市场，用补贴争夺用户，每辆车的成本远远高于它能带来的收入。城市管理者很快发现，人行道、地铁口和公园门口被大量单车堵塞，于是开始限制投放数量并集中清理。被清理下来的车辆无处可去，只能集中堆放在城市边缘的空地上。据当时的媒体报道，一些大城市的共享单车数量一度超过百万辆，远远超出了实际需求。",
            ),
            ("heading", "排队退押金的人"),
            (
                "paragraph",
                "比堆积的单车更让人记忆深刻的，是排队退押金的人。北京的程序员刘畅至今还记得，他在手机上点开退押金页面时，前面排着一千多万人。他的押金是一百九十九元，不算多，但他坚持每隔几个月打开一次应用查看进度。“钱不多，但是我想知道这件事最后怎么收场，”他说。几年后，他终于放弃了查看，把这件事当作一次昂贵的教训。",
            ),
            (
                "quote",
                {
                    "text": "那段时间教会了很多年轻人一件事：免费的东西，往往是最贵的。很多人后来投资、创业都变得谨慎了。",
                    "attribution": "刘畅，北京的一名程序员",
                },
            ),
            (
                "paragraph",
                "泡沫破裂之后，行业经历了彻底的洗牌。大量中小公司倒闭，头部企业被收购或整合。如今活跃在街头的共享单车主要来自少数几家与大平台有关的运营商，它们按照城市分配的额度投放车辆，普遍取消或降低了押金，骑行价格也比当年高出不少。许多城市划定了电子停车区域，用户必须把车停在指定范围内才能结束行程，否则将被收取额外的调度费用。",
            ),
            (
                "paragraph",
                "城市管理部门的角色也发生了变化。一位南方城市交通部门的工作人员告诉我们，他们现在每季度对各家运营企业进行考核，内容包括车辆完好率、违规停放处理速度和用户投诉情况，考核结果直接影响下一年的投放额度。“早些年是企业跑在前面，政府在后面追，”他说，“现在是先定规矩，再让车上路。”",
            ),
            (
                "paragraph",
                "韩松后来又回到那片空地拍过几次。单车早已被清运拆解，空地上建起了一座物流园。他说，他现在每天还会骑共享单车去地铁站，只是再也不会去想车身是什么颜色。“那个疯狂的年代过去了，”他说，“留下来的是一种很普通、很方便的出行方式。也许这才是它本来应该有的样子。”",
            ),
        ],
    },
    {
        "slug": "new-retail-got-right-quietly-dropped",
        "section": "consumer",
        "authors": ["mathieu-laurent"],
        "title": "What 'new retail' got right, and what it quietly dropped",
        "dek": "When Alibaba opened its first Hema supermarket, 'new retail' promised to merge online and offline shopping. Years later, some ideas became standard across China. Others were abandoned without ceremony.",
        "tags": ["New retail", "Mobile payments", "Super-apps"],
        "access": "premium",
        "days_ago": 50,
        "featured": False,
        "language": "en",
        "hero_caption": "A supermarket aisle dissolves into a stream of delivery scooters heading out the door.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "When Alibaba opened its first Hema supermarket in Shanghai in early 2016, visitors were struck by things that now seem ordinary. Shoppers paid with an app. Staff rushed around the aisles filling online orders, which were hung on conveyor belts running along the ceiling and delivered within thirty minutes to homes within three kilometres. Live seafood could be chosen from tanks and cooked on the spot. Alibaba called it “new retail,” a phrase that soon appeared in every consumer company's strategy deck.",
            ),
            (
                "paragraph",
                "The idea was that the distinction between online and offline shopping would disappear. Stores would double as warehouses, data from apps would drive stocking decisions, and customers would move seamlessly between browsing on their phones and shopping in person. Rivals followed with their own versions, including JD.com's 7Fresh and concepts from Yonghui and others. Investors funded startups promising to digitise everything from convenience stores to wet markets.",
            ),
            ("premium_break", None),
            ("heading", "What stuck"),
            (
                "paragraph",
                "Some ideas have become standard across Chinese retail. Rapid delivery from nearby stores is now expected in big cities, offered not only by Hema but by supermarket chains through platforms such as Meituan and Alibaba's Taobao Shangou. Store-level inventory is visible to apps in real time. Payment by phone is universal, and loyalty programmes run through mini-programs. The line between a supermarket and a dark store, a warehouse serving only online orders, has blurred considerably.",
            ),
            (
                "paragraph",
                "Other ideas faded. Several showcase technologies, such as facial-recognition payment kiosks and smart shelves with electronic price tags that changed dynamically, were scaled back in many places because they were costly and offered little benefit over scanning a code. Restaurant-supermarket hybrids proved harder to run than expected. Many startups that promised to digitise small shops struggled to make money, because the shops themselves had thin margins and little appetite for software subscriptions.",
            ),
            (
                "quote",
                {
                    "text": "New retail was sold as a technology revolution. What actually won was logistics: getting the right products into small stores near customers and out of the door fast.",
                    "attribution": "Yang Shuang, a retail consultant in Shanghai",
                },
            ),
            (
                "paragraph",
                "Hema itself has evolved. It has experimented with formats including warehouse-club stores, neighbourhood shops and outlet stores, opening and closing locations as it searched for profitable models, and has emphasised its own private-label products. Competition in grocery delivery has intensified with community group-buying, instant-retail services from food-delivery platforms and discount supermarkets. Margins across the sector remain thin, and membership-based warehouse stores run by foreign and domestic chains have added another competitor.",
            ),
            (
                "paragraph",
                "The most lasting legacy of new retail may be the expectations it set. A shopper in Hangzhou or Chengdu now assumes that groceries can arrive within an hour, that prices are the same online and in the store, and that the supermarket knows what they usually buy. Those expectations have reshaped retail far beyond Alibaba. The slogan has largely disappeared from corporate speeches. The habits it created have not.",
            ),
        ],
    },
    {
        "slug": "unmanned-store-craze-eighteen-months",
        "section": "consumer",
        "authors": ["guo-tianyu"],
        "title": "The unmanned store craze lasted about 18 months",
        "dek": "In 2017, cashier-free shops were going to replace convenience stores across China. Investors poured money into boxes that opened with a scan. We traced what happened to one startup and its 300 stores.",
        "tags": ["New retail", "Venture capital", "Mobile payments"],
        "access": "public",
        "days_ago": 680,
        "featured": False,
        "language": "en",
        "hero_caption": "A glass kiosk stands alone in a car park, its shelves empty and its door ajar.",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "The first Xiaohe Box opened in a residential compound in Guangzhou in the summer of 2017. It was a glass-walled kiosk about the size of a shipping container, stocked with drinks, snacks and instant noodles. Customers scanned a QR code to open the door, picked up items and walked out; tags on each product were read automatically and the bill was charged to their phone. There was no cashier. Within a year, the startup behind it had opened about 300 boxes across southern China.",
            ),
            (
                "paragraph",
                "Xiaohe was one of dozens of unmanned-store startups that appeared in 2017, at the height of the new-retail excitement. Alibaba had demonstrated a cashier-free cafe, Amazon was preparing to open its Go stores in Seattle, and investors were convinced that convenience stores were about to be automated. Industry estimates suggested that more than a billion yuan was invested in the sector within about a year. Local media ran stories about the end of the cashier.",
            ),
            (
                "image",
                {
                    "caption": "Unmanned kiosks spread quickly in 2017 and closed almost as quickly in 2018 and 2019.",
                    "credit": "Illustration: Zhao Ran",
                },
            ),
            ("heading", "Why it unravelled"),
            (
                "paragraph",
                "Former Xiaohe employees describe a business that struggled from the start. Sales per box were lower than in staffed stores, because shoppers were less likely to browse and impulse purchases were rare. Restocking still required people, who drove from box to box refilling shelves and checking for problems. Tags added cost to every item, and theft and damage, though lower than some critics predicted, were higher than the business plan assumed. Hot food, a major source of convenience-store profit, was nearly impossible to offer.",
            ),
            (
                "quote",
                {
                    "text": "We removed one cashier and added two logistics workers, a technician and a customer-service hotline. That is not automation. That is moving the labour somewhere you cannot see it.",
                    "attribution": "Xiaohe Box's former head of operations",
                },
            ),
            (
                "paragraph",
                "By late 2018, funding had dried up. Xiaohe closed most of its boxes within a year and sold its remaining equipment to a vending-machine operator. Many competitors did the same. Larger companies quietly scaled back their experiments, and some unmanned stores reopened with human staff. The rapid rise and fall followed a pattern familiar from bike sharing: a real technology, an eager capital market and a business model that did not hold up at scale.",
            ),
            (
                "paragraph",
                "Not everything was lost. Self-checkout kiosks and scan-and-go apps, which grew partly from the same experiments, are now common in Chinese supermarkets. Smart vending machines that open with a scan and use cameras or weight sensors to track what is taken have spread widely in offices, stations and residential compounds. They are, in effect, a scaled-down version of what the unmanned stores promised, without pretending to be a shop.",
            ),
            (
                "paragraph",
                "The founder of Xiaohe now runs a company that supplies inventory software to convenience-store chains. He describes the unmanned-store period as a useful failure. “We were solving a problem the customer did not have,” he said. “Nobody was annoyed that a convenience store had a person in it. They were annoyed when the coffee was bad.” His software, he added, is used mostly by stores with very friendly cashiers.",
            ),
        ],
    },
    {
        "slug": "live-commerce-small-town-streamers",
        "section": "consumer",
        "authors": ["guo-tianyu", "lin-xiaowen"],
        "title": "Live-commerce after the superstars: the rise of the small-town streamer",
        "dek": "The era of a few celebrity hosts selling billions of yuan in a night has given way to millions of smaller sellers streaming from farms, factories and shop floors. The money is smaller and the work is relentless.",
        "tags": ["Live commerce", "New retail", "Work culture"],
        "access": "members",
        "days_ago": 120,
        "featured": False,
        "language": "en",
        "hero_caption": "A ring light glows in a mandarin orchard as a young woman holds fruit up to a phone on a tripod.",
        "hero_credit": "Illustration: Li Qiao",
        "body": [
            (
                "paragraph",
                "Every evening at seven, Huang Xiaoli sets up a ring light and a phone on a tripod in her family's orchard in Guangxi and starts talking. For the next three hours she peels mandarins, answers questions from viewers, explains the difference between early and late harvests and takes orders. On a good night she sells around 2,000 kilograms of fruit. She has about 80,000 followers on Douyin, which makes her a very small star in a very large sky.",
            ),
            (
                "paragraph",
                "Live-commerce, in which hosts sell products through live video streams, became a huge business in China during the late 2010s and the pandemic years, with a few celebrity streamers capable of selling astonishing quantities in a single evening. In 2021 and 2022, tax-evasion penalties against several top hosts and tighter rules on advertising claims dented the superstar model. Platforms have since encouraged a broader base of merchants, brands and small sellers to stream for themselves.",
            ),
            ("premium_break", None),
            ("heading", "Everyone is a host"),
            (
                "paragraph",
                "The shift has made streaming an everyday sales channel. Factories stream from production lines, brands employ in-house teams to stream around the clock, and farmers like Huang sell directly from fields. Local governments run training programmes in streaming, and rural officials sometimes appear in streams to promote local produce. Industry surveys suggest that a majority of live-commerce sales now come from merchants' own channels rather than from famous independent hosts.",
            ),
            (
                "image",
                {
                    "caption": "Small sellers now account for a large share of live-commerce sales, streaming directly from farms and factories.",
                    "credit": "Illustration: Li Qiao",
                },
            ),
            (
                "paragraph",
                "The work is gruelling. Huang streams six days a week and spends her days packing orders, handling complaints and studying what other sellers do. Platform algorithms reward frequent, long streams and punish absence, and advertising to reach new viewers eats into margins. She estimates that after paying for packaging, shipping, platform fees and advertising, her profit is about 1.5 yuan per kilogram. Returns and damaged fruit can wipe that out.",
            ),
            (
                "quote",
                {
                    "text": "People think streaming is talking. Streaming is talking for three hours, then packing for five hours, then answering angry messages about one bad mandarin until midnight.",
                    "attribution": "Huang Xiaoli, a fruit seller in Guangxi",
                },
            ),
            (
                "paragraph",
                "Regulators have tightened oversight as the channel has matured. Rules require streamers to avoid false advertising, disclose commercial relationships and keep records of sales, and platforms now police exaggerated claims more actively. AI-generated virtual hosts must be identified. Consumer complaints about quality and returns remain common, particularly for food and cosmetics, and platforms have introduced deposit requirements and ratings systems for sellers.",
            ),
            (
                "paragraph",
                "For Huang, the channel has changed her family's economics. Before she started streaming, her parents sold their fruit to middlemen at prices set at the farm gate. Now they earn more per kilogram and have hired two neighbours during harvest. She worries about burning out and about algorithm changes that could halve her audience overnight. But she has no plans to stop. “My grandfather sold fruit at the market,” she said. “I sell it at the market too. The market is just inside a phone.”",
            ),
        ],
    },
    {
        "slug": "super-apps-explained-no-western-equivalent",
        "section": "consumer",
        "authors": ["chen-yuting"],
        "title": "Super-apps explained: why WeChat never had a real Western equivalent",
        "dek": "Messaging, payments, shopping, government services and a million mini-programs in one app. How China's super-apps came to be, and why attempts to copy them elsewhere have mostly struggled.",
        "tags": ["Super-apps", "Mini-programs", "Mobile payments"],
        "access": "public",
        "days_ago": 395,
        "featured": False,
        "language": "en",
        "hero_caption": "A phone screen shaped like a Swiss army knife, each blade a different everyday service.",
        "hero_credit": "Illustration: Circuit East Studio",
        "body": [
            (
                "paragraph",
                "A typical day for an office worker in Guangzhou might involve WeChat from start to finish. She messages her family in the morning, pays for breakfast by scanning a code, books a taxi through a mini-program, joins a work meeting, splits a lunch bill with colleagues, pays her electricity bill, makes a hospital appointment, and in the evening buys concert tickets and orders groceries. She may never leave the app. That, in short, is what people mean by a super-app.",
            ),
            (
                "paragraph",
                "WeChat, launched by Tencent in 2011 as a messaging app, added payments in 2013 and mini-programs, lightweight apps that run inside WeChat without installation, in 2017. Alipay grew in the opposite direction, from payments toward services. Meituan combined food delivery with hotel bookings, cinema tickets and bike sharing. Each built an ecosystem in which third-party businesses could reach hundreds of millions of users without building standalone apps.",
            ),
            ("heading", "Why China?"),
            (
                "paragraph",
                "Several conditions made super-apps possible in China. Many people came online for the first time through smartphones rather than computers, so there were no established habits of using separate websites and services. Cheap Android phones had limited storage, which made installing dozens of apps impractical. Mobile payments spread before credit cards did, giving super-apps a financial layer that tied everything together. And large platforms invested heavily in subsidies to lock in users and merchants.",
            ),
            (
                "quote",
                {
                    "text": "Super-apps were not designed from a master plan. They grew where there was empty space, and in China in 2013 there was a lot of empty space on people's phones.",
                    "attribution": "Chen Yuting, editor-in-chief",
                },
            ),
            (
                "paragraph",
                "Western companies have repeatedly tried to build similar products. Messaging and social-media apps have added payments, shopping and mini-apps, with limited success. The obstacles are considerable: app-store rules controlled by Apple and Google, established card-payment systems, strong habits of using separate apps, stricter competition and privacy rules, and regulatory scepticism toward a single company controlling so many services. Super-apps have done better in parts of Southeast Asia, Latin America and the Middle East.",
            ),
            (
                "paragraph",
                "Super-apps have costs as well as conveniences. Concentrating so much activity in one app gives its owner enormous influence over what businesses can reach customers, and raises questions about data, competition and the consequences of being locked out. Chinese regulators have pushed platforms to open their ecosystems to competitors and to protect user data. Older people who cannot use the apps can find daily life harder, a problem authorities have addressed with rules on maintaining offline services.",
            ),
            (
                "paragraph",
                "For readers outside China, the most useful way to think about a super-app is perhaps not as a single product but as an operating system layered on top of the phone's own operating system. It decides what services look like, how they are paid for and how users find them. That is why phone makers' new AI assistants, which promise to operate apps on users' behalf, are being watched so closely. The next battle over who owns the user may not be fought inside the super-app at all.",
            ),
        ],
    },
    {
        "slug": "mini-programs-app-store-nobody-calls-app-store",
        "section": "consumer",
        "authors": ["lin-xiaowen"],
        "title": "Mini-programs are the most successful app store nobody calls an app store",
        "dek": "Millions of lightweight apps run inside WeChat, Alipay and Douyin. For developers they offer instant reach. For the platforms they offer something even more valuable: control over distribution.",
        "tags": ["Mini-programs", "Super-apps", "Platform economy"],
        "access": "premium",
        "days_ago": 235,
        "featured": False,
        "language": "en",
        "hero_caption": "A tiny city of shops and kiosks built entirely inside a chat bubble.",
        "hero_credit": "Illustration: Zhao Ran",
        "body": [
            (
                "paragraph",
                "When a small bakery in Chengdu wants customers to order cakes online, it no longer hires a developer to build an app for the App Store and Android stores. It pays a local agency a few thousand yuan to set up a WeChat mini-program, a lightweight application that runs inside WeChat, loads in a second and can be opened by scanning a QR code on the shop counter. The bakery's customers never install anything. The bakery never deals with Apple or Google.",
            ),
            (
                "paragraph",
                "Since WeChat launched mini-programs in 2017, they have become one of the main ways Chinese businesses reach customers on mobile. Tencent has reported millions of mini-programs and hundreds of millions of daily users. Alipay, Douyin, Baidu and others run their own versions. Mini-programs power everything from ride-hailing and parking payments to government services, restaurant ordering and games, which have become one of the most lucrative categories.",
            ),
            ("premium_break", None),
            ("heading", "Distribution is the product"),
            (
                "paragraph",
                "The appeal for developers is reach and cost. A mini-program can be shared in a group chat, discovered through search inside the super-app or opened from a QR code, which makes customer acquisition far cheaper than persuading someone to download a standalone app. Development is simpler, and payment is built in. For many small businesses, the question is not whether to have an app but which super-app to build a mini-program for, and increasingly the answer is several.",
            ),
            (
                "paragraph",
                "For the platforms, mini-programs offer control over distribution, the position that Apple and Google hold in the standalone app world. WeChat sets rules on what mini-programs can do, how they handle payments and what content they may contain, and takes a share of revenue in some categories, such as games and virtual goods. It can promote or demote mini-programs in search and recommendations. In effect, it operates an app store that sits inside another company's app store.",
            ),
            (
                "quote",
                {
                    "text": "Developers think of mini-programs as a shortcut around the app stores. Really they are a different app store, with a different landlord.",
                    "attribution": "Jiang Hua, founder of a Shenzhen mini-program development agency",
                },
            ),
            (
                "paragraph",
                "That position has created tensions. Phone makers have periodically clashed with super-apps over who controls distribution and payments on their devices, and Apple's rules on in-app purchases have applied to some mini-program transactions. Regulators have pushed platforms to allow links between rival ecosystems. Developers complain about changing rules, review delays and fees, much as app developers elsewhere complain about Apple and Google.",
            ),
            (
                "paragraph",
                "The model is also being exported, in different forms. Super-apps in Southeast Asia and the Middle East have adopted mini-program platforms, and Chinese companies sell the underlying technology to banks and telecom operators abroad that want to build their own ecosystems. Whether mini-programs will thrive outside the conditions that produced them is uncertain. Inside China, they have quietly become the default way that businesses, from bakeries to government offices, meet their customers on a phone.",
            ),
        ],
    },
    {
        "slug": "delivery-riders-and-the-algorithm",
        "section": "consumer",
        "authors": ["zhou-min", "guo-tianyu"],
        "title": "Delivery riders and the algorithm that times them",
        "dek": "Food-delivery platforms say they have loosened the clocks that govern riders' days. Riders say the pressure has shifted rather than disappeared. We rode along and read the rules.",
        "tags": ["Work culture", "Platform economy", "Super-apps"],
        "access": "premium",
        "days_ago": 260,
        "featured": False,
        "language": "en",
        "hero_caption": "A rider on an electric scooter races a giant stopwatch through rain-slicked streets.",
        "hero_credit": "Illustration: Ines Carvalho",
        "body": [
            (
                "paragraph",
                "At 11.42 a.m., the phone mounted on Xu Kai's handlebar chimes with his fourth order in ten minutes: two bowls of beef noodles from a restaurant in Beijing's Haidian district, to be delivered to an office building 2.4 kilometres away. The app shows an expected delivery time of 11.58. Xu, 31, has been delivering food for five years. He glances at the estimate, calculates which of his four orders to pick up first and pulls into traffic without saying a word.",
            ),
            (
                "paragraph",
                "The algorithms that assign orders and estimate delivery times have been at the centre of a national debate about the conditions of China's millions of delivery riders. In 2020, a widely shared magazine investigation described riders racing against ever-tighter deadlines set by software, running red lights to avoid penalties. Platforms responded by promising to give riders more time, and in 2021 regulators issued guidelines requiring platforms to improve pay, rest, insurance and the way algorithms set targets.",
            ),
            ("premium_break", None),
            ("heading", "What changed"),
            (
                "paragraph",
                "Riders we interviewed in Beijing, Shanghai and Wuhan described real but limited changes. Delivery windows are generally somewhat longer, and platforms now offer ranges rather than a single deadline. Penalties for late deliveries have been softened in many cases, and riders can report delays caused by restaurants or bad weather. Accident insurance is easier to claim, and some platforms have introduced pilot schemes to contribute to riders' social insurance. Several riders also mentioned rest areas and heating stations in winter.",
            ),
            (
                "paragraph",
                "What has not changed is the basic economics. Most riders are paid per order, and earnings depend on completing as many deliveries as possible during peak hours. Longer windows help, but customers still rate riders, and ratings affect the orders they receive. Riders said the pressure had moved from the clock to the queue: being fast still means more orders and more money, so the incentive to rush remains even when the penalty for lateness is lower.",
            ),
            (
                "quote",
                {
                    "text": "The app is not my boss. The app is my boss's calculator. I can be late now without being fined. But if I am slow, I am poor.",
                    "attribution": "Xu Kai, a food-delivery rider in Beijing",
                },
            ),
            (
                "paragraph",
                "Platforms say they have invested heavily in rider welfare and that algorithms now take account of factors such as weather, traffic and building access. They publish explanations of how delivery times are calculated and have set up channels for riders to give feedback on the rules. Labour researchers acknowledge the improvements but argue that the employment model, in which most riders are not employees and are engaged through layers of subcontractors, limits what algorithmic changes can achieve.",
            ),
            (
                "paragraph",
                "At 11.56, Xu hands the noodles to a receptionist and checks his screen. Two minutes early. He has already accepted two more orders. By the end of the day he will have delivered about 45, earning roughly 350 yuan before fuel and phone costs. He says the job is better than it was when he started, and worse than people who have never done it imagine. Then the phone chimes again, and he is gone.",
            ),
        ],
    },
    {
        "slug": "nairobi-smartphones-fifty-shillings-a-day",
        "section": "consumer",
        "authors": ["amara-okafor"],
        "title": "In Nairobi, a smartphone costs 50 shillings a day",
        "dek": "Pay-as-you-go financing has put Chinese-made smartphones into millions of Kenyan pockets. The phones lock if payments stop, a model that has widened access and raised questions about debt.",
        "tags": ["Smartphones", "Africa", "Mobile payments"],
        "access": "public",
        "days_ago": 12,
        "featured": False,
        "language": "en",
        "hero_caption": "A smartphone with a small padlock on its screen rests on a stack of mobile-money receipts.",
        "hero_credit": "Illustration: Ines Carvalho",
        "body": [
            (
                "paragraph",
                "Wanjiru Kamau, a hairdresser in Nairobi's Kawangware neighbourhood, bought her first smartphone two years ago without paying for it upfront. She put down a deposit of 1,500 shillings and agreed to pay 50 shillings a day through mobile money for a year. The phone, made by a Chinese brand, now runs her business: she takes bookings on WhatsApp, posts styles on TikTok and receives payments through M-Pesa. When she missed three days of payments last year, the phone locked until she caught up.",
            ),
            (
                "paragraph",
                "Device financing of this kind has become one of the main ways Kenyans buy smartphones. Specialist lenders, telecom operators and phone retailers offer plans in which customers pay small daily or weekly amounts, with software on the phone that restricts its use if payments lapse. Most devices sold this way are affordable Android phones from Chinese brands such as Tecno, Itel, Infinix, Xiaomi and Oppo, whose low prices make the maths work at 50 or 100 shillings a day.",
            ),
            (
                "image",
                {
                    "caption": "Phones sold on daily payment plans are locked remotely if customers fall behind.",
                    "credit": "Illustration: Ines Carvalho",
                },
            ),
            ("heading", "Access, with strings attached"),
            (
                "paragraph",
                "Supporters say the model has dramatically widened access to the internet. A smartphone that costs 12,000 shillings is out of reach for many workers who earn daily wages, but a daily payment similar to the cost of a bus fare is not. Lenders report that most customers complete their payments. For many, a phone is an income-generating tool rather than a luxury, used to find casual work, sell goods or receive money from relatives in other cities.",
            ),
            (
                "quote",
                {
                    "text": "A smartphone is not a toy here. It is a shop, a bank and a job centre. Financing it the way people earn, day by day, made sense to a lot of families.",
                    "attribution": "Otieno Mwangi, a Nairobi-based fintech analyst",
                },
            ),
            (
                "paragraph",
                "The costs are substantial, though. Over the course of a plan, customers typically pay considerably more than the cash price of the phone, once the financing charges are included, and the total cost is not always presented clearly. Consumer advocates have raised concerns about over-indebtedness, particularly when households take on several financing plans at once, and about data collected by lending apps. Kenya's regulators have tightened rules on digital lenders in recent years.",
            ),
            (
                "paragraph",
                "Chinese phone makers have played an active role in building the market. Brands work closely with financing partners, offering models optimised for the plans and sometimes building the locking software into their devices at the factory. Retail agents in markets and bus stations sell phones and sign up customers on commission. The partnership has helped Chinese brands extend their lead in the Kenyan market, where they account for a large majority of smartphone sales.",
            ),
            (
                "paragraph",
                "Kamau has nearly paid off her phone and plans to buy a better one for her business next year, probably on the same kind of plan. She has mixed feelings about the lock. “It feels like the phone does not trust me,” she said. “But the bank does not trust me either, and the phone at least said yes.” Her younger sister, who is finishing school, is already asking which model she should choose.",
            ),
        ],
    },
    {
        "slug": "community-group-buying-after-the-boom",
        "section": "consumer",
        "authors": ["lin-xiaowen"],
        "title": "Group buying for groceries: what is left of the community buying boom",
        "dek": "In 2020, internet giants spent billions to sell vegetables through neighbourhood group leaders. Regulators stepped in, several platforms retreated, and the model settled into something smaller and steadier.",
        "tags": ["New retail", "Platform economy", "Antitrust"],
        "access": "public",
        "days_ago": 480,
        "featured": False,
        "language": "en",
        "hero_caption": "Bags of vegetables lined up outside an apartment block, each tagged with a chat-group name.",
        "hero_credit": "Illustration: Li Qiao",
        "body": [
            (
                "paragraph",
                "Every afternoon at four, a small convenience store at the entrance of a residential compound in Changsha turns into a distribution point. Dozens of plastic bags of vegetables, eggs, fruit and tissues, ordered the previous evening through a mini-program, are lined up on the floor with name tags. Residents collect them on the way home from work. The store's owner, Tan Jing, acts as a “group leader,” promoting daily offers in a WeChat group of about 450 neighbours and earning a commission on every order.",
            ),
            (
                "paragraph",
                "Community group buying, as the model is known, grew rapidly in lower-tier cities from around 2018 and exploded during the pandemic in 2020, when people stayed home and large platforms saw an opportunity. Meituan, Pinduoduo, Alibaba, Didi and others launched or expanded group-buying services, spending heavily on subsidies to sell groceries at very low prices. Local vegetable vendors complained that they could not compete with platforms selling below cost.",
            ),
            ("heading", "Regulators intervene"),
            (
                "paragraph",
                "In December 2020, regulators summoned several platforms and set out rules prohibiting practices such as selling below cost to squeeze out competitors and abusing data to discriminate on prices. A state media commentary urged internet giants not to fixate on “a few bundles of cabbage” and to focus on technological innovation instead. In 2021, market regulators fined several group-buying platforms for pricing violations. Subsidies were scaled back, and the model's growth slowed sharply.",
            ),
            (
                "quote",
                {
                    "text": "The platforms treated vegetables like ride-hailing: burn money, win the market, raise prices later. Vegetables turned out to be much less forgiving.",
                    "attribution": "A former regional manager at a group-buying platform",
                },
            ),
            (
                "paragraph",
                "Several platforms withdrew from cities or closed their group-buying units altogether over the following two years. A prominent independent player based in Changsha cut back to its home region. Those that remained focused on efficiency: fewer products, better logistics, and pickup points at existing shops rather than in residents' homes. Prices rose to sustainable levels, and the services now compete on convenience and quality as much as on price.",
            ),
            (
                "paragraph",
                "For group leaders like Tan, the business has become steadier if less exciting. During the subsidy wars, she said, commissions were high but orders were unpredictable, with customers switching between platforms for the best deal. Now she works mainly with one platform and earns a few thousand yuan a month from commissions, on top of her store's regular sales. The pickup traffic also brings customers into her shop, who often buy a drink or snacks while collecting their bags.",
            ),
            (
                "paragraph",
                "The model has found a niche among price-sensitive families, older residents and people living in smaller cities, where rapid delivery services are less developed. It is unlikely to reshape Chinese retail in the way its backers once promised. But it has become part of the mix, alongside supermarkets, wet markets and instant delivery. Tan's group chat, meanwhile, has become something of a neighbourhood noticeboard, where residents swap recipes, lost-and-found notices and complaints about parking.",
            ),
        ],
    },
]
