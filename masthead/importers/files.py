"""An export on disk: one file, a directory, or a zip archive, and the files that came with it.

Zip archives are read member by member, never extracted: names that climb out of the archive
(`../`), absolute names and members over MAX_MEMBER_BYTES are refused, so a hostile archive
cannot write anywhere or fill the disk.
"""

import posixpath
import zipfile
from pathlib import Path

from .errors import ExportError

MAX_MEMBER_BYTES = 200 * 1024 * 1024


class ExportFiles:
    def __init__(self, path):
        self.path = Path(path)
        if not self.path.exists():
            raise ExportError(f"{path}: no such file or directory")
        self.zip = None
        if self.path.is_file() and zipfile.is_zipfile(self.path):
            try:
                self.zip = zipfile.ZipFile(self.path)
            except zipfile.BadZipFile as error:
                raise ExportError(f"{path}: a damaged zip archive ({error})") from error
            self._names = {
                self._safe(info.filename): info for info in self.zip.infolist() if not info.is_dir()
            }
            self._names.pop(None, None)
        elif self.path.is_dir():
            self._names = {
                p.relative_to(self.path).as_posix(): p for p in self.path.rglob("*") if p.is_file()
            }
        else:
            self._names = {self.path.name: self.path}
        # Exports are often zipped inside a folder: "export/posts.csv" answers to "posts.csv".
        self._by_tail = {}
        for name in sorted(self._names, key=len):
            parts = name.split("/")
            for i in range(len(parts)):
                self._by_tail.setdefault("/".join(parts[i:]), name)

    @staticmethod
    def _safe(name):
        normal = posixpath.normpath(name.replace("\\", "/"))
        if normal.startswith(("/", "../")) or normal == ".." or ":" in normal.split("/")[0]:
            return None
        return normal

    @property
    def is_single_file(self):
        return self.zip is None and self.path.is_file()

    def names(self):
        return list(self._names)

    def find(self, name):
        """The stored name for `name` or for a path ending in it, or None."""
        name = name.lstrip("/")
        return name if name in self._names else self._by_tail.get(name)

    def read(self, name):
        stored = self.find(name)
        if stored is None:
            raise KeyError(name)
        entry = self._names[stored]
        if self.zip is not None:
            if entry.file_size > MAX_MEMBER_BYTES:
                raise ExportError(f"{stored}: larger than {MAX_MEMBER_BYTES // 2**20} MB")
            try:
                return self.zip.read(entry)
            except (zipfile.BadZipFile, EOFError, OSError) as error:
                raise ExportError(f"{stored}: cannot be read from the archive ({error})") from error
        if entry.stat().st_size > MAX_MEMBER_BYTES:
            raise ExportError(f"{stored}: larger than {MAX_MEMBER_BYTES // 2**20} MB")
        return entry.read_bytes()

    def main_file(self, *suffixes):
        """The export's own data file: the single file given, or the first with one of `suffixes`."""
        if self.is_single_file:
            return self.path.name
        for name in sorted(self._names, key=lambda n: (n.count("/"), n)):
            if name.lower().endswith(suffixes) and not name.split("/")[-1].startswith("._"):
                return name
        raise ExportError(f"{self.path}: no {' or '.join(suffixes)} file in the export")


def decode_text(data, *, what):
    """Bytes of a text export as str: UTF-8 (with or without BOM); anything else is refused with
    the position of the first bad byte rather than guessed."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ExportError(
            f"{what}: not UTF-8 text (line {line}, byte {error.start}: {data[error.start : error.start + 1]!r}). "
            "Save or export it as UTF-8 and try again."
        ) from error
