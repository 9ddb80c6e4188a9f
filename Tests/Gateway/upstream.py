"""The API behind nginx in the gateway tests: any method on any path answers 200 with a JSON
echo of the request's method, path and the X-Pegasus-* headers it received (and whether an
Authorization header reached it). GET /_seen, asked directly rather than through nginx, lists
the requests it has answered.

    python3 upstream.py   # prints "listening on PORT", then serves on 127.0.0.1:PORT
"""

import json
import signal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

seen = []


class Echo(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def answer(self, status, value):
        body = json.dumps(value).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def echo(self):
        if self.path == "/_seen":
            return self.answer(200, seen)
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(length)
        seen.append({"method": self.command, "path": self.path})
        pegasus = {name.lower(): value for name, value in self.headers.items() if name.lower().startswith("x-pegasus-")}
        self.answer(200, {
            "method": self.command,
            "path": self.path,
            "headers": pegasus,
            "authorization": "Authorization" in self.headers,
        })

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = echo

    def log_message(self, format, *args):
        pass


# A child inherits its parent's blocked signals, and the test process blocks SIGTERM in its
# threads: unblock it, or the test could not stop this server.
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
server = ThreadingHTTPServer(("127.0.0.1", 0), Echo)
print(f"listening on {server.server_address[1]}", flush=True)
server.serve_forever()
