#!/usr/bin/env python3
"""A local ccgp search site for bench/harvest.sh: N notices (copies of the real pages in
../shared/data/cn-notices/raw-html, each made distinct by a trailing comment), dated across a range, found by a
search answering in the national layout (/bxsearch, "共找到 N 条内容") or the Hebei WAS5 layout
(/was5/web/search, table#moredingannctable, a.last-page). GET /stats gives the requests per path as JSON.

    replay_server.py PORT NOTICES PAGE_SIZE FIRST_DAY LAST_DAY
"""
import datetime
import glob
import http.server
import json
import os
import sys
import threading
import urllib.parse

port, n, page_size = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
first, last = datetime.date.fromisoformat(sys.argv[4]), datetime.date.fromisoformat(sys.argv[5])
here = os.path.dirname(os.path.abspath(__file__))
pages = sorted(glob.glob(os.path.join(here, "..", "..", "shared", "data", "cn-notices", "raw-html", "*", "*.html")))
pages = [p for p in pages if "list_page" not in p]
span = (last - first).days + 1
notices = []  # (path, date, channel, bytes)
for i in range(n):
    day = first + datetime.timedelta(days=(i * 7919) % span)
    with open(pages[i % len(pages)], "rb") as f:
        body = f.read() + b"\n<!-- copy %d -->\n" % i
    channel = ("zbgg", "zhbgg", "fbgg", "gzgg")[i % 4]
    notices.append(("/notice/%s/t%s_%d.html" % (day.strftime("%Y%m"), day.strftime("%Y%m%d"), i), day, channel, body))
by_path = {x[0]: x[3] for x in notices}
counts, lock = {}, threading.Lock()


def found(term, channel, start, end):
    hits = [x for x in notices if term == "区块链" and start <= x[1] <= end and (channel is None or channel == x[2])]
    return sorted(hits, key=lambda x: x[1], reverse=True)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # headers and body go out in two writes: with Nagle on, a keep-alive client's delayed ACK stalls each response ~40 ms
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def send(self, code, body, ctype="text/html; charset=utf-8"):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        q = {k: v[0] for k, v in urllib.parse.parse_qs(url.query, keep_blank_values=True).items()}
        with lock:
            counts[url.path] = counts.get(url.path, 0) + 1
        base = "http://127.0.0.1:%d" % port
        if url.path == "/stats":
            self.send(200, json.dumps(counts).encode(), "application/json")
        elif url.path == "/bxsearch":
            d = lambda s: datetime.datetime.strptime(s, "%Y:%m:%d").date()
            hits = found(q.get("kw"), None, d(q["start_time"]), d(q["end_time"]))
            page = int(q["page_index"])
            items = "".join('<li><a href="%s%s" target="_blank">%s</a><span>%s</span></li>\n'
                            % (base, x[0], x[0], x[1]) for x in hits[(page - 1) * page_size:page * page_size])
            self.send(200, ('<html><head><meta charset="utf-8"></head><body><p>共找到 <span>%d</span> 条内容</p>'
                            '<ul class="vT-srch-result-list-bid">%s</ul></body></html>' % (len(hits), items)).encode())
        elif url.path == "/was5/web/search":
            hits = found(q.get("sydoctitle"), q.get("lanmu"), datetime.date.fromisoformat(q["fstarttime"]),
                         datetime.date.fromisoformat(q["fendtime"]))
            page, pages_n = int(q["page"]), max(1, -(-len(hits) // page_size))
            rows = "".join('<tr id="biaoti"><td></td><td><a href="%s%s">%s</a></td></tr><tr><td></td><td class="txt1">'
                           '<span>%s</span></td></tr>\n' % (base, x[0], x[0], x[1])
                           for x in hits[(page - 1) * page_size:page * page_size])
            pager = '<a class="last-page" href="?page=%d&lanmu=%s">尾页</a>' % (pages_n, q.get("lanmu")) if pages_n > 1 else ""
            self.send(200, ('<html><head><meta charset="utf-8"></head><body><table id="moredingannctable">%s</table>%s'
                            '</body></html>' % (rows, pager)).encode())
        elif url.path in by_path:
            self.send(200, by_path[url.path])
        else:
            self.send(404, b"not found")


http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
