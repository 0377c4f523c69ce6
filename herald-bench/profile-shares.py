#!/usr/bin/env python3
"""Shares of a server's CPU samples by category, from an async-profiler collapsed-stacks file
(see BENCHMARKS.md, "Exact commands"). A sample counts for the first category it matches.
With --push, the categories of Web Push delivery and the Beams APIs (BENCHMARKS.md, "Push notifications")."""
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

# RFC 8291/8292 work per delivery first (each names the JDK or BouncyCastle class doing it), then the rest.
PUSH_CATEGORIES = [
    ("VAPID JWT signature (ECDSA P-256)", ("ECDSASignature", "ECDSASigner", "SHA256withECDSA")),
    ("ephemeral key pair (P-256)", ("ECKeyPairGenerator", "KeyPairGenerator")),
    ("ECDH with the subscription key (P-256)", ("ECDHKeyAgreement", "KeyAgreement", "ECDHBasicAgreement")),
    ("other P-256 (key decoding, point checks)", ("sun/security/ec", "sun/security/util/math", "org/bouncycastle/math/ec")),
    ("HKDF / HMAC-SHA256", ("HmacCore", "javax/crypto/Mac", "HKDF", "Hkdf")),
    ("AES-128-GCM", ("GaloisCounterMode", "GHASH", "AESCrypt")),
    ("store: delivery queue (claim, devices, settle)", ("io/herald/push/data/DeliveryQueue",)),
    ("store: device and publish API", ("io/herald/push/data",)),
    ("store: JDBC driver and pool (other)", ("org/h2", "org/postgresql", "com/zaxxer")),
    ("HTTP client to the push service (JDK)", ("jdk/internal/net/http",)),
    ("Herald HTTP server (Netty)", ("io/netty",)),
    ("JSON (Jackson)", ("com/fasterxml/jackson",)),
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
        for name, needles in categories:
            if any(x in stack for x in needles):
                shares[name] += n
                break
        else:
            shares["other"] += n
    print(f"{total} samples")
    for name, n in shares.most_common():
        print(f"{100.0 * n / total:6.1f} %  {name}")

categories = PUSH_CATEGORIES if "--push" in sys.argv else CATEGORIES
main([a for a in sys.argv[1:] if a != "--push"][0])
