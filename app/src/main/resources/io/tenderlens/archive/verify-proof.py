#!/usr/bin/env python3
"""Check tenderlens archive proofs with nothing but the Python standard library.

    verify-proof.py PROOF.json [NOTICE_FILE] [--public-key HEX]
    verify-proof.py --report REPORT_DIR [--public-key HEX]

PROOF.json is the output of `tenderlens prove NOTICE` ("-" reads standard input). The script checks that
  1. NOTICE_FILE (when given) has the SHA-256 the proof is about;
  2. the audit path leads from that leaf to the tree head's root (RFC 9162 section 2.1.3.2);
  3. the tree head is signed (Ed25519, RFC 8032) by the key given with --public-key, or else by the key
     written in the proof itself -- pin the archive's published key to make this check mean something.
With --report, it checks every proof a tenderlens report carries: REPORT_DIR/proofs/<sha256>.json against the
archived bytes REPORT_DIR/archive/<sha256>, with the key of REPORT_DIR/public-key.txt unless --public-key is given.
It prints what it checked and exits 0 when everything holds, 1 otherwise. See docs/ARCHIVE.md.
"""
import base64
import hashlib
import json
import os
import sys


def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def root_from_inclusion_proof(index, size, leaf, path):
    """RFC 9162 2.1.3.2: the root the audit path leads to, or None when it cannot fit the index and size."""
    if index >= size:
        return None
    fn, sn, r = index, size - 1, leaf
    for p in path:
        if sn == 0:
            return None
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return r if sn == 0 else None


# --- Ed25519 signature verification (RFC 8032 section 5.1.7), affine coordinates: slow but short ---
P = 2 ** 255 - 19
Q = 2 ** 252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def point_add(a, b):
    (x1, y1), (x2, y2) = a, b
    t = D * x1 * x2 * y1 * y2 % P
    x3 = (x1 * y2 + x2 * y1) * pow(1 + t, P - 2, P) % P
    y3 = (y1 * y2 + x1 * x2) * pow(1 - t, P - 2, P) % P
    return x3, y3


def scalar_mult(k, point):
    result, addend = (0, 1), point
    while k:
        if k & 1:
            result = point_add(result, addend)
        addend = point_add(addend, addend)
        k >>= 1
    return result


def decode_point(b):
    if len(b) != 32:
        return None
    y = int.from_bytes(b, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P) % P
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P:
        return None
    if x == 0 and sign:
        return None
    if x & 1 != sign:
        x = P - x
    return x, y


BASE = decode_point((4 * pow(5, P - 2, P) % P).to_bytes(32, "little"))


def ed25519_verify(public_key, message, signature):
    if len(signature) != 64:
        return False
    a, r = decode_point(public_key), decode_point(signature[:32])
    s = int.from_bytes(signature[32:], "little")
    if a is None or r is None or s >= Q:
        return False
    k = int.from_bytes(hashlib.sha512(signature[:32] + public_key + message).digest(), "little") % Q
    return scalar_mult(s, BASE) == point_add(r, scalar_mult(k, a))


def signed_bytes(head):
    return ("tenderlens tree head v1\n%d\n%s\n%d\n" % (head["treeSize"], head["rootHash"], head["timestamp"])).encode()


def check_proof(proof, notice_file, key, check, heads_checked):
    """Checks one proof (and the bytes in notice_file, when given); a tree head's signature is checked once."""
    head = proof["treeHead"]
    if notice_file is not None:
        with open(notice_file, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        check(digest == proof["sha256"], "%s has SHA-256 %s" % (notice_file, proof["sha256"]))
    leaf = leaf_hash(bytes.fromhex(proof["sha256"]))
    path = [bytes.fromhex(h) for h in proof["auditPath"]]
    root = root_from_inclusion_proof(proof["leafIndex"], head["treeSize"], leaf, path)
    check(root is not None and root.hex() == head["rootHash"],
          "leaf %d is in the tree of size %d with root %s (%d-hash audit path)"
          % (proof["leafIndex"], head["treeSize"], head["rootHash"], len(path)))
    head_id = (head["treeSize"], head["rootHash"], head["timestamp"], head["signature"])
    if head_id in heads_checked:
        return
    heads_checked.add(head_id)
    public_key = key or head["publicKey"]
    check(key is None or key.lower() == head["publicKey"].lower(), "the tree head names the pinned key"
          if key else "no key pinned: trusting the key written in the proof (%s)" % public_key)
    check(ed25519_verify(bytes.fromhex(public_key), signed_bytes(head), base64.b64decode(head["signature"])),
          "the tree head of %s is signed by Ed25519 key %s" % (head.get("time", head["timestamp"]), public_key))


def main(argv):
    args, key, report = [], None, None
    it = iter(argv)
    for a in it:
        if a == "--public-key":
            key = next(it, None)
        elif a == "--report":
            report = next(it, None)
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            args.append(a)
    if key == "" or report == "" or (report is None and (not args or len(args) > 2)) or (report is not None and args):
        print(__doc__, file=sys.stderr)
        return 2
    ok = True

    def check(condition, what):
        nonlocal ok
        print(("ok    " if condition else "FAIL  ") + what)
        ok = ok and condition

    heads_checked = set()
    if report is None:
        proof = json.load(sys.stdin if args[0] == "-" else open(args[0], encoding="utf-8"))
        check_proof(proof, args[1] if len(args) == 2 else None, key, check, heads_checked)
    else:
        if key is None:
            with open(os.path.join(report, "public-key.txt"), encoding="ascii") as f:
                key = f.read().strip()
        proofs = sorted(n for n in os.listdir(os.path.join(report, "proofs")) if n.endswith(".json"))
        check(len(proofs) > 0, "%s holds %d proofs" % (os.path.join(report, "proofs"), len(proofs)))
        for name in proofs:
            with open(os.path.join(report, "proofs", name), encoding="utf-8") as f:
                proof = json.load(f)
            check(name == proof["sha256"] + ".json", "%s is the proof of %s" % (name, proof["sha256"]))
            check_proof(proof, os.path.join(report, "archive", proof["sha256"]), key, check, heads_checked)
    print("VERIFIED" if ok else "NOT VERIFIED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
