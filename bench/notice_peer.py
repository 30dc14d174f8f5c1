#!/usr/bin/python3
"""The peer of NoticeConvertBench: a BeautifulSoup extraction of the same fields from the same saved notice
pages, written the way a crawler's parser usually is (labels found with regular expressions in the page text and
table cells), then serialised to JSON like our releases.

    notice_peer.py PAGES PARSER FILE_OR_DIR...      PARSER: html.parser (bs4's own) or lxml

Prints one line like NoticeConvertBench: name pages wall_s cpu_s pages_per_wall_s pages_per_cpu_s.
Not part of the product; it exists to be measured against.
"""
import json
import os
import re
import sys
import time

from bs4 import BeautifulSoup

DECLARED = re.compile(rb'charset\s*=\s*["\']?([A-Za-z0-9._-]+)', re.I)
LABELS = {
    'code': r'(?:采购)?项目编号',
    'name': r'(?:采购)?项目名称',
    'buyer': r'采购(?:人|单位)(?:名称)?',
    'agency': r'(?:采购)?代理机构(?:名称)?',
    'budget': r'预算金额|最高限价',
    'supplier': r'(?:中标|成交)?供应商名称',
    'amount': r'(?:中标|成交)(?:（成交）)?金额',
    'published': r'公告时间|发布时间|公告日期',
}
FIELD = {k: re.compile(r'(?:%s)\s*[:：]\s*([^\n]{1,120})' % v) for k, v in LABELS.items()}
MONEY = re.compile(r'([0-9][0-9,]*(?:\.[0-9]+)?)\s*(万元|元)')


def decode(data):
    m = DECLARED.search(data[:4096])
    declared = m.group(1).decode('ascii').lower() if m else None
    if declared in ('gb2312', 'gbk', 'gb18030'):
        return data.decode('gb18030', 'replace')
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        return data.decode('gb18030', 'replace')


def money(text):
    m = MONEY.search(text or '')
    if not m:
        return None
    value = float(m.group(1).replace(',', ''))
    return value * 10000 if m.group(2) == '万元' else value


def extract(data, parser):
    soup = BeautifulSoup(decode(data), parser)
    for tag in soup(['script', 'style']):
        tag.decompose()
    title = soup.find('meta', attrs={'name': 'ArticleTitle'})
    title = title['content'] if title else next((t.get_text(strip=True) for t in soup.find_all(['h2', 'h1', 'title'])
                                                  if t.get_text(strip=True)), None)
    fields = {}
    # table rows of label | value (the summary table), then prose lines
    for row in soup.find_all('tr'):
        cells = [c.get_text(' ', strip=True) for c in row.find_all(['td', 'th'])]
        for i in range(0, len(cells) - 1, 2):
            line = cells[i] + '：' + cells[i + 1]
            for key, pattern in FIELD.items():
                m = pattern.search(line)
                if m and key not in fields:
                    fields[key] = m.group(1).strip()
    text = soup.get_text('\n')
    suppliers = [m.group(1).strip() for m in FIELD['supplier'].finditer(text)]
    amounts = [money(m.group(1)) for m in FIELD['amount'].finditer(text)]
    for key, pattern in FIELD.items():
        if key not in fields:
            m = pattern.search(text)
            if m:
                fields[key] = m.group(1).strip()
    return {
        'title': title,
        'tender': {'id': fields.get('code'), 'title': fields.get('name'), 'value': money(fields.get('budget'))},
        'buyer': fields.get('buyer'),
        'agency': fields.get('agency'),
        'date': fields.get('published'),
        'awards': [{'supplier': s, 'amount': a} for s, a in zip(suppliers, amounts + [None] * len(suppliers))],
    }


def main():
    total, parser, roots = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    pages = []
    for root in roots:
        for folder, _, files in os.walk(root):
            for f in sorted(files):
                if re.search(r'\.(html?|shtml)$', f) and 'list_page' not in f:
                    with open(os.path.join(folder, f), 'rb') as fh:
                        pages.append(fh.read())
    for _ in range(min(total, len(pages) * 3)):  # warm-up: imports, regex caches
        extract(pages[_ % len(pages)], parser)
    wall, cpu = time.perf_counter(), time.process_time()
    out = 0
    for i in range(total):
        out += len(json.dumps(extract(pages[i % len(pages)], parser), ensure_ascii=False))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    assert out > 0
    print('bs4-%s %d %.3f %.3f %.0f %.0f' % (parser, total, wall, cpu, total / wall, total / cpu))


if __name__ == '__main__':
    main()
