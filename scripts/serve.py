#!/usr/bin/env python3
"""A static file server for www/ on 127.0.0.1 only, with the right MIME types for wasm and ES modules and no
caching (so a rebuild shows at once). The app itself needs no server: dist/hashiya.html works from file://."""
import argparse, functools, http.server, mimetypes

mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("text/javascript", ".mjs")
mimetypes.add_type("font/woff2", ".woff2")


class Handler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--dir", default="www")
    a = ap.parse_args()
    handler = functools.partial(Handler, directory=a.dir)
    with http.server.ThreadingHTTPServer(("127.0.0.1", a.port), handler) as httpd:
        httpd.serve_forever()


if __name__ == "__main__":
    main()
