"""Fixtures for the importers: hand-written exports (fixtures/), pictures made with Pillow, and a
real HTTP server on a free port for images an export links to."""

import io
import shutil
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image

FIXTURES = Path(__file__).parent / "fixtures"


def png(color=(200, 30, 30), size=(40, 30)):
    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, "PNG")
    return out.getvalue()


class ImageServer:
    """Serves /remote.png (a real PNG) and /fake.png (not an image); anything else is a 404."""

    def __init__(self):
        self.hits = []
        self.files = {"/remote.png": png((30, 90, 200)), "/fake.png": b"<svg onload='alert(1)'></svg>"}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                server.hits.append(self.path)
                body = server.files.get(self.path)
                if body is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def image_server():
    server = ImageServer()
    yield server
    server.close()


def render_fixture(name, dest, **values):
    """Copy fixtures/<name> to `dest`, filling {{PLACEHOLDERS}}."""
    source = FIXTURES / name
    if source.is_dir():
        shutil.copytree(source, dest)
        for path in Path(dest).rglob("*"):
            if path.is_file():
                path.write_text(_fill(path.read_text(), values))
        return Path(dest)
    Path(dest).write_text(_fill(source.read_text(), values))
    return Path(dest)


def _fill(text, values):
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text


@pytest.fixture
def ghost_export(tmp_path, image_server):
    """Ghost 5 export as Ghost's zip: the JSON plus content/images/… for the pictures it has."""
    json_path = render_fixture("ghost5.json", tmp_path / "ghost.json", IMAGE_HOST=image_server.url)
    archive = tmp_path / "ghost-export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(json_path, "export/ghost-5.json")
        zf.writestr("export/content/images/2023/01/photo.png", png((10, 120, 40)))
        zf.writestr("export/content/images/2023/01/jane.png", png((120, 120, 40), (20, 20)))
    return archive


@pytest.fixture
def wordpress_export(tmp_path, image_server):
    """The WXR file in a folder with wp-content/uploads, as exported with its media."""
    folder = tmp_path / "wp"
    folder.mkdir()
    render_fixture("wordpress.xml", folder / "export.xml", IMAGE_HOST=image_server.url)
    uploads = folder / "wp-content/uploads/2021/03"
    uploads.mkdir(parents=True)
    (uploads / "grid.png").write_bytes(png((90, 90, 90)))
    return folder


@pytest.fixture
def substack_export(tmp_path, image_server):
    folder = render_fixture("substack", tmp_path / "substack", IMAGE_HOST=image_server.url)
    archive = tmp_path / "substack.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in folder.rglob("*"):
            zf.write(path, path.relative_to(folder).as_posix())
    return archive
