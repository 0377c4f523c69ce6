#!/usr/bin/env python3
"""Shares of a server's CPU samples by category, from an async-profiler collapsed-stacks file
(see BENCHMARKS.md, "Exact commands"). A sample counts for the first category it matches."""
import sys
from collections import Counter

CATEGORIES = [
    ("signature check", ("RequestAuthenticator", "RequestSigning", "io/herald/protocol/Crypto", "javax/crypto", "MessageDigest", "HmacCore")),
    ("JSON (Jackson)", ("com/fasterxml/jackson",)),
    ("fan-out writes (Delivery)", ("io/herald/server/channel/Delivery",)),
    ("flush / socket write (incl. kernel)", ("PendingFlushes", "doWrite", "writev", "flush0")),
    ("HTTP codec", ("HttpObjectDecoder", "HttpObjectEncoder", "HttpServerCodec", "HttpObjectAggregator", "MessageAggregator")),
    ("WebSocket codec", ("WebSocket08Frame", "WebSocketFrameAggregator")),
    ("rest of API request handling", ("io/herald/server/api", "HttpRequestHandler")),
    ("socket read syscall (kernel)", ("doReadBytes", "readv", "__x64_sys_read", "__GI___read", ";read", "recv")),
    ("rest of socket read path (Netty)", ("epollInReady",)),
    ("event loop wait", ("epoll_wait", "epollWait")),
    ("GC", ("G1", "GCTaskThread", "gc_", "ConcurrentGCThread")),
    ("JIT", ("CompileBroker", "C2Compiler", "C1 ", "Compilation::")),
]

def main(path):
    total = 0
    shares = Counter()
    for line in open(path):
        stack, _, count = line.rstrip().rpartition(" ")
        n = int(count)
        total += n
        for name, needles in CATEGORIES:
            if any(x in stack for x in needles):
                shares[name] += n
                break
        else:
            shares["other"] += n
    print(f"{total} samples")
    for name, n in shares.most_common():
        print(f"{100.0 * n / total:6.1f} %  {name}")

main(sys.argv[1])
