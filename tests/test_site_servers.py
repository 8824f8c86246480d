"""Content negotiation of the static linked-data site (kg.site) checked in real web servers on
loopback ports: Debian's nginx running the site's own nginx.conf.sample, and Apache httpd with
its .htaccess. `make test` installs them (nginx-light, apache2-bin) when they are missing. The
site is the session's (tests/conftest.py: ``built_site``, ``rebased_site``)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import rdflib

from kg import iris

from .conftest import OTHER_BASE

JP = str(iris.ID) + "country/jp"

# ------------------------------------------------------------------ content negotiation in real servers
def server_binary(name: str, env: str, package: str) -> str:
    path = os.environ.get(env) or shutil.which(name) or shutil.which(
        name, path=os.pathsep.join(["/usr/sbin", "/usr/local/sbin", "/sbin"]))
    if not path:
        pytest.fail(f"{name} is not installed: `make test` installs it (apt-get install {package}), "
                    f"or point {env} at a {name} binary")
    return path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A web server in the foreground on a free loopback port; stopped by its pid."""

    name = "server"

    def start(self, argv: list[str], workdir: Path) -> None:
        self.workdir = workdir
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 15
        while True:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode(errors="replace")
                log = workdir / "error.log"
                raise AssertionError(f"{self.name} exited {self.proc.returncode}: {err}\n"
                                     f"{log.read_text(errors='replace') if log.exists() else ''}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise AssertionError(f"{self.name} did not start listening within 15 s")
                time.sleep(0.05)

    def get(self, path: str, accept: str | None = None) -> tuple[int, dict[str, str], bytes]:
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}")
        if accept is not None:
            req.add_header("Accept", accept)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never a proxy
        try:
            with opener.open(req, timeout=10) as resp:
                return resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, {k.lower(): v for k, v in exc.headers.items()}, exc.read()

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()  # SIGTERM: nginx's fast shutdown, Apache's stop
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


class Nginx(Server):
    """Debian's nginx, one process, as the current user, with the site's own nginx.conf.sample
    (only its listen and root lines changed)."""

    name = "nginx"

    def __init__(self, sample: str, root: Path, workdir: Path) -> None:
        self.port = free_port()
        conf, n_listen = re.subn(r"(?m)^(\s*)listen\s+[^;]+;", rf"\1listen 127.0.0.1:{self.port};", sample)
        conf, n_root = re.subn(r"(?m)^(\s*)root\s+[^;]+;", lambda m: f"{m.group(1)}root {root};", conf)
        assert (n_listen, n_root) == (1, 1), "the sample should have one listen and one root line"
        workdir.mkdir(parents=True, exist_ok=True)
        (workdir / "policykg.conf").write_text(conf, encoding="utf-8")
        temps = "".join(f"    {k}_temp_path {workdir / k};\n" for k in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        (workdir / "nginx.conf").write_text(
            "daemon off;\nmaster_process off;\n"
            f"pid {workdir / 'nginx.pid'};\nerror_log {workdir / 'error.log'} warn;\n"
            "events { worker_connections 64; }\n"
            f"http {{\n    access_log off;\n{temps}    include {workdir / 'policykg.conf'};\n}}\n", encoding="utf-8")
        self.start([server_binary("nginx", "POLICYKG_NGINX", "nginx-light"), "-p", str(workdir),
                    "-c", str(workdir / "nginx.conf"), "-e", str(workdir / "error.log")], workdir)


class Apache(Server):
    """Debian's Apache httpd (apache2-bin: no service), one process (-X), serving ``root`` with the
    site's own .htaccess, allowed exactly the overrides it documents."""

    name = "apache2"
    MODULES = ("mpm_prefork", "authz_core", "mime", "dir", "rewrite", "headers", "setenvif")

    def __init__(self, root: Path, workdir: Path) -> None:
        binary = server_binary("apache2", "POLICYKG_APACHE", "apache2-bin")
        self.port = free_port()
        # Debian keeps the modules in lib/apache2/modules beside the binary's sbin
        mods = Path(os.environ.get("POLICYKG_APACHE_MODULES") or Path(binary).resolve().parents[1] / "lib" / "apache2" / "modules")
        if not (mods / "mod_rewrite.so").is_file():
            pytest.fail(f"no Apache modules in {mods}: install apache2-bin, or set POLICYKG_APACHE_MODULES")
        workdir.mkdir(parents=True, exist_ok=True)
        user = ""
        if os.geteuid() == 0:  # Apache will not serve as root: it switches to nobody, who must read the site
            import pwd

            nobody = pwd.getpwnam("nobody")
            user = f"User #{nobody.pw_uid}\nGroup #{nobody.pw_gid}\n"
        loads = "".join(f"LoadModule {m}_module {mods / f'mod_{m}.so'}\n" for m in self.MODULES)
        (workdir / "httpd.conf").write_text(
            f"ServerRoot {workdir}\nServerName 127.0.0.1\nListen 127.0.0.1:{self.port}\n"
            f"PidFile {workdir / 'httpd.pid'}\nErrorLog {workdir / 'error.log'}\nLogLevel warn\n{user}{loads}"
            f"TypesConfig /dev/null\nDocumentRoot {root}\n"
            f"<Directory {root}>\n  AllowOverride FileInfo Indexes\n  Require all granted\n</Directory>\n",
            encoding="utf-8")
        self.start([binary, "-X", "-f", str(workdir / "httpd.conf")], workdir)


@pytest.fixture
def serve(tmp_path):
    servers: list[Server] = []

    def start(kind: str, root: Path, sample: str = "") -> Server:
        workdir = tmp_path / f"{kind}{len(servers)}"
        s = Nginx(sample, root, workdir) if kind == "nginx" else Apache(root, workdir)
        servers.append(s)
        return s

    yield start
    for s in servers:
        s.stop()


@pytest.fixture
def readable_copy():
    """A world-readable hard-linked copy of a folder, for a server that drops root privileges."""
    made: list[Path] = []

    def copy(site_dir: Path) -> Path:
        """The folder holding ``site_dir`` (under its own name), readable by every user."""
        if os.geteuid() != 0:
            return site_dir.parent
        top = Path(tempfile.mkdtemp(prefix="policykg-site-"))
        made.append(top)
        top.chmod(0o755)
        shutil.copytree(site_dir, top / site_dir.name, copy_function=os.link)
        return top

    yield copy
    for top in made:
        shutil.rmtree(top, ignore_errors=True)


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
CONNEG_CASES = [
    ("text/turtle", "ttl", "text/turtle"),
    ("application/ld+json", "jsonld", "application/ld+json"),
    ("text/html", "html", "text/html"),
    (BROWSER_ACCEPT, "html", "text/html"),
    ("*/*", "html", "text/html"),
    (None, "html", "text/html"),
    ("text/turtle;q=1.0, application/ld+json;q=0.9, text/html;q=0.5", "ttl", "text/turtle"),
    ("application/ld+json, text/turtle;q=0.9", "jsonld", "application/ld+json"),
    ("application/rdf+xml;q=0.9, text/turtle", "ttl", "text/turtle"),
]


def check_conneg(srv: Server, out: Path, prefix: str) -> None:
    """The site at ``out`` served under the URL path ``prefix``: every IRI form resolves."""
    files = {ext: (out / "id" / f"country/jp.{ext}").read_bytes() for ext in ("html", "ttl", "jsonld")}
    for accept, ext, ctype in CONNEG_CASES:
        status, headers, body = srv.get(f"{prefix}id/country/jp", accept)
        assert status == 200, (srv.name, accept, status)
        assert body == files[ext], f"{srv.name}: Accept {accept!r} gave not the .{ext}"
        assert headers["content-type"].split(";")[0].strip() == ctype, (srv.name, accept, headers["content-type"])
        assert "accept" in headers.get("vary", "").lower(), (srv.name, accept, headers)
    # explicit files keep their own type; folders give their index; unknown resources 404
    status, headers, body = srv.get(f"{prefix}id/country/jp.jsonld", "text/html")
    assert (status, headers["content-type"].split(";")[0]) == (200, "application/ld+json") and body == files["jsonld"]
    status, headers, body = srv.get(f"{prefix}id/country/", "text/turtle")
    assert status == 200 and body == (out / "id" / "country" / "index.html").read_bytes()
    assert srv.get(f"{prefix}id/country/atlantis", "text/turtle")[0] == 404
    ev = next((out / "id" / "evidence").glob("*.ttl")).stem  # a content-hash node resolves too
    status, headers, body = srv.get(f"{prefix}id/evidence/{ev}", "text/turtle")
    assert status == 200 and body == (out / "id" / "evidence" / f"{ev}.ttl").read_bytes()


@pytest.mark.slow
def test_nginx_sample_negotiates_html_turtle_and_jsonld(built_site, serve):
    out, _stats = built_site  # served at /policykg/, the path of the default base
    srv = serve("nginx", out.parent, (out / "nginx.conf.sample").read_text(encoding="utf-8"))
    check_conneg(srv, out, "/policykg/")
    body = srv.get("/policykg/id/country/jp", "text/turtle")[2]
    g = rdflib.Graph().parse(data=body.decode("utf-8"), format="turtle")
    assert (rdflib.URIRef(JP), rdflib.URIRef(str(iris.SKOS) + "prefLabel"), rdflib.Literal("일본", lang="ko")) in g


@pytest.mark.slow
def test_nginx_sample_of_a_rebased_site_serves_it_at_the_root(rebased_site, serve):
    out = rebased_site
    srv = serve("nginx", out, (out / "nginx.conf.sample").read_text(encoding="utf-8"))
    check_conneg(srv, out, "/")
    g = rdflib.Graph().parse(data=srv.get("/id/country/jp", "text/turtle")[2].decode("utf-8"), format="turtle")
    jp = rdflib.URIRef(OTHER_BASE + "id/country/jp")
    assert (jp, rdflib.RDF.type, rdflib.URIRef(OTHER_BASE + "ontology#Country")) in g


@pytest.mark.slow
def test_apache_htaccess_negotiates_html_turtle_and_jsonld(built_site, serve, readable_copy):
    out, _stats = built_site
    www = readable_copy(out)
    srv = serve("apache", www)
    check_conneg(srv, out, "/policykg/")
