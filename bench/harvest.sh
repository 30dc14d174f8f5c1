#!/usr/bin/env bash
# Harvest figures: pages/s of `tenderlens harvest ccgp` against a local replay server (bench/replay_server.py) with
# politeness off (--delay 0), in the national layout and the Hebei provincial one; then a harvest SIGKILLed at random
# moments and resumed: notices archived, fetched twice, verify.
# Usage: bench/harvest.sh [NOTICES] [KILLS]   (default 600 notices, 4 kills). Needs ../shared/data beside the checkout.
#        PART=kills bench/harvest.sh ...   only the kill-and-resume part.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-600}"
kills="${2:-4}"
work="$(mktemp -d)"
servers=()
cleanup() { for p in "${servers[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

start_server() {   # sets $port; the server is stopped on exit
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  python3 "$here/bench/replay_server.py" "$port" "$n" 20 2016-12-01 2019-09-24 >/dev/null 2>&1 &
  servers+=($!)
  for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/stats" >/dev/null 2>&1 && break; sleep 0.1; done
}
harvest() {   # site url db
  "$here/tenderlens" harvest ccgp --site "$1" --site-url "$2" --delay 0 --db "$3" --kw 区块链 --from 2016-12-01 --to 2019-09-24
}
notice_fetches() { curl -fs "http://127.0.0.1:$1/stats" | python3 -c 'import json,sys; print(sum(v for k, v in json.load(sys.stdin).items() if k.startswith("/notice/")))'; }

"$here/tenderlens" --version >/dev/null   # build once, outside the timings
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs"

if [ "${PART:-all}" != kills ]; then
for layout in "ccgp /bxsearch" "ccgp-hebei /was5/web/search"; do
  set -- $layout
  start_server
  t0=$(date +%s.%N)
  harvest "$1" "http://127.0.0.1:$port$2" "$work/db-$1" >"$work/out" 2>"$work/err"
  t1=$(date +%s.%N)
  echo "$1 layout, $n notices: $(grep -o '[0-9]* list pages, [0-9]* documents fetched' "$work/out"), $(grep -o '[0-9.]* pages/s' "$work/out") during the harvest;" \
       "whole command $(echo "$t1 - $t0" | bc) s wall (JVM start, archive, convert and ingest included); load $(cut -d' ' -f1 /proc/loadavg)"
done

# the peer: a plain sequential Python client fetching the same list pages and notices from the same kind of server
# (no parsing beyond the links, no archive, no state): the ceiling the server and the machine allow
start_server
python3 - "$port" <<'PY'
import re, sys, time, urllib.request
port = sys.argv[1]
t0, pages = time.time(), 0
for start, end in (("2016:12:01", "2017:11:30"), ("2017:12:01", "2018:11:30"), ("2018:12:01", "2019:09:24")):
    page = 1
    while True:
        url = "http://127.0.0.1:%s/bxsearch?page_index=%d&kw=%%E5%%8C%%BA%%E5%%9D%%97%%E9%%93%%BE&start_time=%s&end_time=%s" % (port, page, start, end)
        body = urllib.request.urlopen(url).read().decode()
        pages += 1
        links = re.findall(r'<li><a href="([^"]+)"', body)
        if not links:
            break
        for link in links:
            urllib.request.urlopen(link).read()
            pages += 1
        page += 1
print("peer (plain Python client, same server, no archive or parsing): %d pages in %.1f s = %.1f pages/s" % (pages, time.time() - t0, pages / (time.time() - t0)))
PY

# the second peer: a bare java.net.http client (what PoliteClient uses) in a fresh JVM, sequential, keep-alive
cat > "$work/HttpClientPeer.java" <<'JAVA'
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
public class HttpClientPeer {
    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + args[0];
        String[][] windows = {{"2016:12:01", "2017:11:30"}, {"2017:12:01", "2018:11:30"}, {"2018:12:01", "2019:09:24"}};
        int pages = 0;
        long t0 = System.nanoTime();
        for (String[] w : windows) {
            for (int p = 1; ; p++) {
                String list = http.send(HttpRequest.newBuilder(URI.create(base + "/bxsearch?page_index=" + p
                        + "&kw=%E5%8C%BA%E5%9D%97%E9%93%BE&start_time=" + w[0] + "&end_time=" + w[1])).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                pages++;
                Matcher m = Pattern.compile("<li><a href=\"([^\"]+)\"").matcher(list);
                boolean any = false;
                while (m.find()) {
                    any = true;
                    http.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(), HttpResponse.BodyHandlers.ofByteArray());
                    pages++;
                }
                if (!any) {
                    break;
                }
            }
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("peer (bare java.net.http client, fresh JVM, same server, no archive or parsing): %d pages in %.1f s = %.1f pages/s%n",
                pages, s, pages / s);
    }
}
JAVA
java "$work/HttpClientPeer.java" "$port"
echo "load: $(cut -d' ' -f1 /proc/loadavg)"

fi

# kill and resume
start_server
db="$work/db-kill"
set -m   # each background run in its own process group: the SIGKILL reaches the JVM, not only the launcher
for k in $(seq "$kills"); do
  # kill when a random number of further notices has been fetched (a random point of progress, whatever the load)
  before=$(notice_fetches "$port")
  target=$((before + 1 + RANDOM % (n / (kills + 1))))
  harvest ccgp "http://127.0.0.1:$port/bxsearch" "$db" >"$work/out-$k" 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && [ "$(notice_fetches "$port")" -lt "$target" ]; do sleep 0.2; done
  kill -9 -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  logged=$(( $(stat -c %s "$db/archive/log" 2>/dev/null || echo 0) / 74 ))
  echo "kill $k: SIGKILL of the whole run at notice fetch $target (or a little later); $logged notices in the archive log"
done
set +m
harvest ccgp "http://127.0.0.1:$port/bxsearch" "$db" >"$work/out-last" 2>&1 || { cat "$work/out-last"; exit 1; }
logged=$(( $(stat -c %s "$db/archive/log") / 74 ))
fetches=$(notice_fetches "$port")
echo "after $kills kills and a last run: $logged notices archived (of $n), $fetches notice fetches in all ($((fetches - n)) fetched again)"
"$here/tenderlens" verify --db "$db" | tail -1
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
