# Owns: the independent verifier of Twiza's transparency log (library and command line), in Python.
"""An independent verifier of Twiza's transparency log.

Written only from the public texts, and sharing no code with the server:

- RFC 6962 section 2.1 and RFC 9162 section 2.1: the Merkle Tree Hash, inclusion and consistency
  proofs (how they are made, section 2.1.3.1 and 2.1.4.1, and how they are verified, 2.1.3.2 and
  2.1.4.2);
- C2SP signed-note: the note format, key ids and Ed25519 signatures;
- C2SP tlog-checkpoint: the note text of a checkpoint (origin, tree size, root hash);
- C2SP tlog-tiles: hash tiles and entry bundles, their paths and their content;
- RFC 8785: the canonical JSON serialization that Twiza's leaves must already be in.

Twiza-specific rules (what a leaf may hold, the donor commitment, the receipt) come from the
server's published HTTP contract, not from its code.

Command line: ``python twiza_verify.py --server URL`` fetches the log key, the checkpoint, every
tile and entry bundle, recomputes the tree, checks every leaf and a sample of inclusion proofs,
and stops with a non-zero exit status and a message on the first failure. See ``--help``.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import dataclasses
import decimal
import gzip
import hashlib
import json
import math
import random
import re
import secrets
import sys
import time
import urllib.error
import urllib.request

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


class VerificationError(Exception):
    """The log, a proof, a note or a leaf failed a check. The message says which and why."""


def fail(message: str):
    raise VerificationError(message)


# ---------------------------------------------------------------------------------------------
# Merkle hash trees (RFC 6962 section 2.1, RFC 9162 section 2.1), SHA-256.
# ---------------------------------------------------------------------------------------------

HASH_SIZE = 32


def sha256(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def leaf_hash(leaf: bytes) -> bytes:
    """MTH({d}) = SHA-256(0x00 || d)."""
    return sha256(b"\x00" + leaf)


def node_hash(left: bytes, right: bytes) -> bytes:
    """The hash of an interior node: SHA-256(0x01 || left || right)."""
    return sha256(b"\x01" + left + right)


EMPTY_ROOT = sha256(b"")


def split_point(n: int) -> int:
    """The largest power of two smaller than n (n > 1): the size of the left subtree."""
    k = 1
    while k << 1 < n:
        k <<= 1
    return k


def root_of(hashes: list[bytes]) -> bytes:
    """MTH over a list of leaf hashes (RFC 6962 section 2.1), without recursion."""
    if not hashes:
        return EMPTY_ROOT
    # A stack of (subtree size, hash) whose sizes are strictly decreasing powers of two; pushing
    # leaves left to right and merging equal sizes yields the complete subtrees of the prefix.
    stack: list[tuple[int, bytes]] = []
    for h in hashes:
        size, acc = 1, h
        while stack and stack[-1][0] == size:
            left_size, left = stack.pop()
            size, acc = size + left_size, node_hash(left, acc)
        stack.append((size, acc))
    # The tree of a size that is not a power of two hangs the smaller subtrees to the right.
    acc = stack[-1][1]
    for _, left in reversed(stack[:-1]):
        acc = node_hash(left, acc)
    return acc


def root_of_recursive(hashes: list[bytes]) -> bytes:
    """MTH exactly as the RFC defines it, recursively; kept as a cross-check of root_of."""
    n = len(hashes)
    if n == 0:
        return EMPTY_ROOT
    if n == 1:
        return hashes[0]
    k = split_point(n)
    return node_hash(root_of_recursive(hashes[:k]), root_of_recursive(hashes[k:]))


def inclusion_path(m: int, hashes: list[bytes]) -> list[bytes]:
    """PATH(m, D[n]) of RFC 9162 section 2.1.3.1, over leaf hashes."""
    n = len(hashes)
    if not 0 <= m < n:
        raise ValueError("leaf index out of range")
    if n == 1:
        return []
    k = split_point(n)
    if m < k:
        return inclusion_path(m, hashes[:k]) + [root_of(hashes[k:])]
    return inclusion_path(m - k, hashes[k:]) + [root_of(hashes[:k])]


def consistency_proof(m: int, hashes: list[bytes]) -> list[bytes]:
    """PROOF(m, D[n]) of RFC 9162 section 2.1.4.1, over leaf hashes."""
    n = len(hashes)
    if not 0 <= m <= n:
        raise ValueError("tree sizes out of range")
    if m == 0 or m == n:
        return []
    return _subproof(m, hashes, True)


def _subproof(m: int, hashes: list[bytes], whole: bool) -> list[bytes]:
    n = len(hashes)
    if m == n:
        return [] if whole else [root_of(hashes)]
    k = split_point(n)
    if m <= k:
        return _subproof(m, hashes[:k], whole) + [root_of(hashes[k:])]
    return _subproof(m - k, hashes[k:], False) + [root_of(hashes[:k])]


def _check_hash(value: bytes, what: str):
    if not isinstance(value, (bytes, bytearray)) or len(value) != HASH_SIZE:
        fail(f"{what} is not a {HASH_SIZE}-byte hash")


def verify_inclusion(leaf_index: int, tree_size: int, leaf: bytes, proof: list[bytes], root: bytes):
    """RFC 9162 section 2.1.3.2: raises VerificationError unless `proof` proves that the leaf hash
    `leaf` is at `leaf_index` in the tree of `tree_size` leaves whose root is `root`."""
    _check_hash(leaf, "the leaf hash")
    _check_hash(root, "the root hash")
    for i, p in enumerate(proof):
        _check_hash(p, f"inclusion proof element {i}")
    if not 0 <= leaf_index < tree_size:
        fail(f"inclusion: leaf index {leaf_index} is not below the tree size {tree_size}")
    fn, sn = leaf_index, tree_size - 1
    r = leaf
    for p in proof:
        if sn == 0:
            fail(f"inclusion proof for leaf {leaf_index} in tree {tree_size} is too long")
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        fail(f"inclusion proof for leaf {leaf_index} in tree {tree_size} is too short")
    if r != root:
        fail(f"inclusion proof for leaf {leaf_index} in tree {tree_size} does not lead to the root "
             f"(computed {r.hex()}, expected {root.hex()})")


def verify_consistency(size1: int, size2: int, root1: bytes, root2: bytes, proof: list[bytes]):
    """RFC 9162 section 2.1.4.2: raises VerificationError unless `proof` proves that the tree of
    `size1` leaves with root `root1` is a prefix of the tree of `size2` leaves with root `root2`.
    The sizes the algorithm does not cover: equal sizes need equal roots and an empty proof; an
    empty first tree is a prefix of any tree (its root must be the empty tree's hash)."""
    _check_hash(root1, "the first root")
    _check_hash(root2, "the second root")
    for i, p in enumerate(proof):
        _check_hash(p, f"consistency proof element {i}")
    if size1 < 0 or size2 < size1:
        fail(f"consistency: tree size {size2} is smaller than {size1}")
    if size1 == size2:
        if proof:
            fail("consistency: equal tree sizes need an empty proof")
        if root1 != root2:
            fail(f"consistency: two different roots for tree size {size1}")
        return
    if size1 == 0:
        if proof:
            fail("consistency: a proof from the empty tree must be empty")
        if root1 != EMPTY_ROOT:
            fail("consistency: the root of the empty tree is not SHA-256 of the empty string")
        return
    # Steps 1-7 of RFC 9162 section 2.1.4.2.
    if not proof:
        fail(f"consistency proof {size1} -> {size2} is empty")
    path = list(proof)
    if size1 & (size1 - 1) == 0:
        path.insert(0, root1)
    fn, sn = size1 - 1, size2 - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            fail(f"consistency proof {size1} -> {size2} is too long")
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    if sn != 0:
        fail(f"consistency proof {size1} -> {size2} is too short")
    if fr != root1:
        fail(f"consistency proof {size1} -> {size2} does not lead to the first root")
    if sr != root2:
        fail(f"consistency proof {size1} -> {size2} does not lead to the second root")


# ---------------------------------------------------------------------------------------------
# Signed notes (C2SP signed-note), Ed25519 only.
# ---------------------------------------------------------------------------------------------

SIG_TYPE_ED25519 = 0x01
EM_DASH = "\u2014"
MAX_SIGNATURES = 100


def strict_b64decode(text: str, what: str) -> bytes:
    """Standard base64 with padding (RFC 4648 section 4), rejecting any other spelling of the
    same bytes (so that one altered character can never decode to the same value)."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        fail(f"{what} is not valid base64")
    if base64.b64encode(raw).decode("ascii") != text:
        fail(f"{what} is not canonical base64")
    return raw


def valid_key_name(name: str) -> bool:
    return bool(name) and "+" not in name and not any(c.isspace() for c in name)


def key_id(name: str, public_key: bytes) -> bytes:
    """key ID = SHA-256(key name || 0x0A || 0x01 || 32-byte Ed25519 public key)[:4]."""
    return sha256(name.encode("utf-8") + b"\n" + bytes([SIG_TYPE_ED25519]) + public_key)[:4]


@dataclasses.dataclass(frozen=True)
class VerifierKey:
    name: str
    key_id: bytes
    public_key: bytes

    def encode(self) -> str:
        blob = base64.b64encode(bytes([SIG_TYPE_ED25519]) + self.public_key).decode("ascii")
        return f"{self.name}+{self.key_id.hex()}+{blob}"


def parse_verifier_key(text: str) -> VerifierKey:
    """`<name>+<8 hex key id>+<base64(0x01 || 32-byte public key)>`; the key id must be the one the
    signed-note text recommends for that name and key."""
    text = text.strip()
    parts = text.split("+", 2)  # the name and the id hold no plus; the base64 may
    if len(parts) != 3:
        fail("the verifier key is not <name>+<key id>+<key>")
    name, id_hex, blob = parts
    if not valid_key_name(name):
        fail("the verifier key's name is empty or holds a space or a plus")
    if not re.fullmatch(r"[0-9a-f]{8}", id_hex):
        fail("the verifier key's id is not 8 lowercase hex digits")
    raw = strict_b64decode(blob, "the verifier key")
    if len(raw) != 33 or raw[0] != SIG_TYPE_ED25519:
        fail("the verifier key is not an Ed25519 key (0x01 followed by 32 bytes)")
    public_key = raw[1:]
    expected = key_id(name, public_key)
    if bytes.fromhex(id_hex) != expected:
        fail(f"the verifier key's id {id_hex} is not SHA-256(name || 0x0A || 0x01 || key)[:4] = "
             f"{expected.hex()}")
    return VerifierKey(name, expected, public_key)


@dataclasses.dataclass
class NoteSigner:
    """Signs notes; only the self-tests use it (the verifier itself never signs)."""
    name: str
    private_key: Ed25519PrivateKey

    @classmethod
    def generate(cls, name: str) -> "NoteSigner":
        return cls(name, Ed25519PrivateKey.generate())

    @property
    def verifier_key(self) -> VerifierKey:
        pub = self.private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
        return VerifierKey(self.name, key_id(self.name, pub), pub)

    def signature_line(self, text: str) -> str:
        sig = self.private_key.sign(text.encode("utf-8"))
        blob = base64.b64encode(self.verifier_key.key_id + sig).decode("ascii")
        return f"{EM_DASH} {self.name} {blob}\n"

    def sign(self, text: str) -> str:
        return text + "\n" + self.signature_line(text)


def open_note(note: bytes | str, key: VerifierKey) -> str:
    """Verifies a signed note with one trusted key and returns its text (which ends in a newline).

    Signatures by other keys (another name or another key id) are ignored; a signature by the
    key that fails to verify rejects the whole note; a note without a good signature by the key
    is rejected."""
    if isinstance(note, str):
        note = note.encode("utf-8")
    try:
        s = note.decode("utf-8")
    except UnicodeDecodeError:
        fail("the note is not valid UTF-8")
    for ch in s:
        if ch < " " and ch != "\n":
            fail(f"the note holds the control character U+{ord(ch):04X}")
    if not s.endswith("\n"):
        fail("the note does not end in a newline")
    split = s.rfind("\n\n")
    if split < 0:
        fail("the note has no blank line before its signatures")
    text, block = s[: split + 1], s[split + 2:]
    if not block:
        fail("the note has no signature line")
    lines = block[:-1].split("\n")
    if len(lines) > MAX_SIGNATURES:
        fail("the note has too many signatures")
    good = 0
    for line in lines:
        if not line.startswith(EM_DASH + " "):
            fail("a signature line does not start with an em dash and a space")
        fields = line[2:].split(" ")
        if len(fields) != 2 or not valid_key_name(fields[0]):
            fail("a signature line is not '<em dash> <key name> <signature>'")
        name, blob = fields
        raw = strict_b64decode(blob, "a note signature")
        if len(raw) < 5:
            fail("a note signature is shorter than a key id and one byte")
        if name != key.name or raw[:4] != key.key_id:
            continue  # an unknown key: ignored, as the note text requires
        if len(raw) != 4 + 64:
            fail("the log's signature is not 64 bytes long")
        try:
            Ed25519PublicKey.from_public_bytes(key.public_key).verify(raw[4:], text.encode("utf-8"))
        except InvalidSignature:
            fail(f"the signature by {key.name}+{key.key_id.hex()} does not verify")
        good += 1
    if not good:
        fail(f"the note carries no signature by {key.name}+{key.key_id.hex()}")
    return text


# ---------------------------------------------------------------------------------------------
# Checkpoints (C2SP tlog-checkpoint).
# ---------------------------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes
    extensions: tuple[str, ...] = ()
    note: str = ""


def parse_checkpoint_text(text: str) -> Checkpoint:
    """The note text of a checkpoint: origin, decimal size, base64 root, optional extension lines;
    each line non-empty and ended by a newline."""
    if not text.endswith("\n"):
        fail("the checkpoint text does not end in a newline")
    lines = text[:-1].split("\n")
    if len(lines) < 3:
        fail("the checkpoint has fewer than three lines")
    if any(not line for line in lines):
        fail("the checkpoint has an empty line")
    origin, size_line, root_line = lines[:3]
    if not re.fullmatch(r"0|[1-9][0-9]*", size_line):
        fail(f"the checkpoint's tree size {size_line!r} is not a decimal without leading zeroes")
    root = strict_b64decode(root_line, "the checkpoint's root hash")
    if len(root) != HASH_SIZE:
        fail("the checkpoint's root hash is not 32 bytes")
    return Checkpoint(origin, int(size_line), root, tuple(lines[3:]))


def open_checkpoint(note: bytes | str, key: VerifierKey) -> Checkpoint:
    """Verifies the note's signature with `key`, then parses its text as a checkpoint whose origin
    line is the key's name."""
    text = open_note(note, key)
    cp = parse_checkpoint_text(text)
    if cp.origin != key.name:
        fail(f"the checkpoint's origin {cp.origin!r} is not the key name {key.name!r}")
    return dataclasses.replace(cp, note=note if isinstance(note, str) else note.decode("utf-8"))


# ---------------------------------------------------------------------------------------------
# Tiles and entry bundles (C2SP tlog-tiles): height 8, full width 256.
# ---------------------------------------------------------------------------------------------

TILE_WIDTH = 256


def tile_index_path(n: int) -> str:
    """N as zero-padded 3-digit path elements, all but the last prefixed with x: 1234067 is
    x001/x234/067."""
    if n < 0:
        raise ValueError("negative tile index")
    groups = [f"{n % 1000:03d}"]
    n //= 1000
    while n:
        groups.append(f"x{n % 1000:03d}")
        n //= 1000
    return "/".join(reversed(groups))


def tile_path(level: int | str, index: int, width: int = TILE_WIDTH) -> str:
    """The path below the log prefix: tile/<L>/<N>[.p/<W>], or tile/entries/<N>[.p/<W>] for
    level "entries"."""
    if not 1 <= width <= TILE_WIDTH:
        raise ValueError("tile width out of range")
    path = f"tile/{level}/{tile_index_path(index)}"
    return path if width == TILE_WIDTH else f"{path}.p/{width}"


def tiles_for_size(size: int) -> list[tuple[int, int, int]]:
    """Every (level, index, width) hash tile of a tree of `size` leaves; width 256 is a full tile.
    Level l has size // 256**l hashes: as many full tiles as fit, then at most one partial."""
    out = []
    level = 0
    while size // TILE_WIDTH ** level:
        count = size // TILE_WIDTH ** level
        for i in range(count // TILE_WIDTH):
            out.append((level, i, TILE_WIDTH))
        if count % TILE_WIDTH:
            out.append((level, count // TILE_WIDTH, count % TILE_WIDTH))
        level += 1
    return out


def tile_levels(leaf_hashes: list[bytes]) -> list[list[bytes]]:
    """The hashes each level of tiles holds: level 0 the leaf hashes, level l the Merkle Tree Hash
    of each full tile of level l-1 (a complete subtree of 256**l leaves)."""
    levels = [list(leaf_hashes)]
    while len(levels[-1]) >= TILE_WIDTH:
        below = levels[-1]
        levels.append([root_of(below[i: i + TILE_WIDTH])
                       for i in range(0, len(below) - TILE_WIDTH + 1, TILE_WIDTH)])
    return levels


def tile_content(levels: list[list[bytes]], level: int, index: int, width: int) -> bytes:
    return b"".join(levels[level][index * TILE_WIDTH: index * TILE_WIDTH + width])


def split_tile(data: bytes, width: int, what: str) -> list[bytes]:
    if len(data) != width * HASH_SIZE:
        fail(f"{what} is {len(data)} bytes, not {width} hashes ({width * HASH_SIZE} bytes)")
    return [data[i: i + HASH_SIZE] for i in range(0, len(data), HASH_SIZE)]


def root_from_tiles(size: int, tile_hash) -> bytes:
    """The root of the tree of `size` leaves from tile hashes alone: `tile_hash(level, i)` is the
    i-th hash of level `level`. The tree splits into complete subtrees, one per set bit of the
    size, largest first; a subtree of 2**(8l + r) leaves is the tree over 2**r consecutive hashes
    of level l; the subtrees then hang right to left."""
    if size == 0:
        return EMPTY_ROOT
    subtrees = []
    offset = 0
    for k in range(size.bit_length() - 1, -1, -1):
        if not size >> k & 1:
            continue
        level, r = divmod(k, 8)
        first = offset // TILE_WIDTH ** level
        subtrees.append(root_of([tile_hash(level, first + j) for j in range(1 << r)]))
        offset += 1 << k
    acc = subtrees[-1]
    for left in reversed(subtrees[:-1]):
        acc = node_hash(left, acc)
    return acc


def encode_entry_bundle(entries: list[bytes]) -> bytes:
    out = bytearray()
    for e in entries:
        if len(e) > 0xFFFF:
            raise ValueError("entry too long for a bundle")
        out += len(e).to_bytes(2, "big") + e
    return bytes(out)


def parse_entry_bundle(data: bytes, width: int, what: str = "the entry bundle") -> list[bytes]:
    """Big-endian uint16 length-prefixed entries; exactly `width` of them and nothing after."""
    entries = []
    pos = 0
    while pos < len(data):
        if pos + 2 > len(data):
            fail(f"{what} ends inside a length prefix")
        n = int.from_bytes(data[pos: pos + 2], "big")
        pos += 2
        if pos + n > len(data):
            fail(f"{what} ends inside an entry")
        entries.append(data[pos: pos + n])
        pos += n
    if len(entries) != width:
        fail(f"{what} holds {len(entries)} entries, not {width}")
    return entries


# ---------------------------------------------------------------------------------------------
# Canonical JSON (RFC 8785) and Twiza's rules for leaves.
# ---------------------------------------------------------------------------------------------

MAX_SAFE_INTEGER = 2 ** 53 - 1


def _es_number(x: float) -> str:
    """ECMAScript's Number::toString for a finite double, as RFC 8785 section 3.2.2.3 requires."""
    if math.isnan(x) or math.isinf(x):
        raise ValueError("NaN and infinities have no JSON form")
    if x == 0:
        return "0"
    if x < 0:
        return "-" + _es_number(-x)
    # repr gives the shortest digits that round-trip, as ECMAScript does.
    sign, digits, exp = decimal.Decimal(repr(x)).as_tuple()
    ds = "".join(map(str, digits)).rstrip("0")
    exp += len(digits) - len(ds)
    k = len(ds)
    n = exp + k  # x = 0.ds * 10**n
    if k <= n <= 21:
        return ds + "0" * (n - k)
    if 0 < n <= 21:
        return ds[:n] + "." + ds[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + ds
    e = n - 1
    mant = ds if k == 1 else ds[0] + "." + ds[1:]
    return f"{mant}e{'+' if e > 0 else '-'}{abs(e)}"


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _es_string(s: str) -> str:
    out = ['"']
    for ch in s:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch < " ":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def canonical_json(value) -> bytes:
    """RFC 8785: no whitespace, object members sorted by the UTF-16 code units of their names,
    ECMAScript string and number serialization, UTF-8."""
    def emit(v):
        if v is None:
            return "null"
        if v is True:
            return "true"
        if v is False:
            return "false"
        if isinstance(v, int):
            if abs(v) > MAX_SAFE_INTEGER:
                raise ValueError("integer outside the I-JSON range")
            return str(v)
        if isinstance(v, float):
            return _es_number(v)
        if isinstance(v, str):
            return _es_string(v)
        if isinstance(v, list):
            return "[" + ",".join(emit(x) for x in v) + "]"
        if isinstance(v, dict):
            names = sorted(v, key=lambda name: name.encode("utf-16-be"))
            return "{" + ",".join(_es_string(k) + ":" + emit(v[k]) for k in names) + "}"
        raise TypeError(f"no JSON form for {type(v).__name__}")
    return emit(value).encode("utf-8")


def _no_duplicates(pairs):
    obj = {}
    for k, v in pairs:
        if k in obj:
            raise ValueError(f"duplicate member {k!r}")
        obj[k] = v
    return obj


def _no_constants(name):
    raise ValueError(f"{name} is not JSON")


def parse_json_strict(data: bytes):
    return json.loads(data.decode("utf-8"), object_pairs_hook=_no_duplicates,
                      parse_constant=_no_constants)


DONOR_COMMITMENT_PREFIX = b"twiza-donor-commitment-v1\n"
AMOUNT_RE = re.compile(r"(0|[1-9][0-9]*)\.[0-9]{2}")
HEX64_RE = re.compile(r"[0-9a-f]{64}")
LEAF_TYPE_RE = re.compile(r"[a-z][a-z0-9_]*")
# Moroccan phone numbers: +212 / 00212 then 9 digits starting 5, 6 or 7 (an optional 0 after the
# country code), the national form 05/06/07 + 8 digits, and 212 + 9 digits written without a plus;
# single spaces, dots or dashes may separate the digits. Hex digests do not match: a number must
# not touch another letter or digit.
PHONE_RES = [
    re.compile(r"(?:\+|(?<![0-9A-Za-z])00)\s?212[\s.\-]?(?:\(0\)|0)?[\s.\-]?[5-7](?:[\s.\-]?[0-9]){8}(?![0-9A-Za-z])"),
    re.compile(r"(?<![0-9A-Za-z+])0[5-7](?:[\s.\-]?[0-9]){8}(?![0-9A-Za-z])"),
    re.compile(r"(?<![0-9A-Za-z+])212[5-7][0-9]{8}(?![0-9A-Za-z])"),
]
EARLIEST_AT = 1_577_836_800  # 2020-01-01: Twiza's log cannot hold older events.


def donor_commitment(secret: bytes) -> str:
    """hex SHA-256("twiza-donor-commitment-v1\\n" || 32-byte receipt secret)."""
    if len(secret) != 32:
        fail("the receipt secret is not 32 bytes")
    return sha256(DONOR_COMMITMENT_PREFIX + secret).hex()


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _strings(v)


def looks_like_phone(s: str) -> bool:
    return any(r.search(s) for r in PHONE_RES)


def check_leaf(leaf: bytes, where: str = "a leaf", now: float | None = None) -> dict:
    """A Twiza leaf: RFC 8785 canonical JSON of an object with v = 1, a type, an id and a time;
    money as a two-decimal string in MAD; a donation's donor as a 64-hex commitment; no e-mail
    address or Moroccan phone number anywhere. Returns the parsed object."""
    try:
        obj = parse_json_strict(leaf)
    except (UnicodeDecodeError, ValueError) as e:
        fail(f"{where} is not JSON: {e}")
    if not isinstance(obj, dict):
        fail(f"{where} is not a JSON object")
    try:
        canon = canonical_json(obj)
    except (ValueError, TypeError) as e:
        fail(f"{where} is not I-JSON: {e}")
    if canon != leaf:
        fail(f"{where} is not in RFC 8785 canonical form: {leaf[:200]!r} re-serializes as {canon[:200]!r}")
    for member in ("v", "type", "id", "at"):
        if member not in obj:
            fail(f"{where} has no {member!r}")
    if obj["v"] != 1 or isinstance(obj["v"], bool):
        fail(f"{where} has v = {obj['v']!r}, not 1")
    if not isinstance(obj["type"], str) or not LEAF_TYPE_RE.fullmatch(obj["type"]):
        fail(f"{where} has a malformed type {obj['type']!r}")
    ident = obj["id"]
    if isinstance(ident, bool) or not (isinstance(ident, int) or (isinstance(ident, str) and ident)):
        fail(f"{where} has a malformed id {ident!r}")
    at = obj["at"]
    now = time.time() if now is None else now
    if isinstance(at, bool) or not isinstance(at, int) or not EARLIEST_AT <= at <= now + 86400:
        fail(f"{where} has an implausible time 'at' = {at!r} (Unix seconds expected)")
    # Money: an amount is a two-decimal string in MAD; any currency named is MAD (a leaf may name
    # it without an amount, e.g. beside a campaign's goal).
    if "amount" in obj:
        if not isinstance(obj["amount"], str) or not AMOUNT_RE.fullmatch(obj["amount"]):
            fail(f"{where} has amount {obj['amount']!r}, not a decimal string with two decimals")
        if "currency" not in obj:
            fail(f"{where} has an amount without a currency")
    if "currency" in obj and obj["currency"] != "MAD":
        fail(f"{where} has currency {obj['currency']!r}, not 'MAD'")
    if obj["type"] == "donation_confirmed" and "donor" not in obj:
        fail(f"{where} is a donation without a donor commitment")
    if "donor" in obj and (not isinstance(obj["donor"], str) or not HEX64_RE.fullmatch(obj["donor"])):
        fail(f"{where} has a donor commitment that is not 64 lowercase hex digits")
    if b"@" in leaf:
        fail(f"{where} holds an '@' (an e-mail address?)")
    for s in _strings(obj):
        if looks_like_phone(s):
            fail(f"{where} holds what looks like a Moroccan phone number")
    return obj


# ---------------------------------------------------------------------------------------------
# HTTP: the log's endpoints and the API calls the live checks need.
# ---------------------------------------------------------------------------------------------

@dataclasses.dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    def header(self, name: str) -> str:
        return self.headers.get(name.lower(), "")


class Client:
    """A small HTTP client over urllib that never raises on HTTP error statuses."""

    def __init__(self, base_url: str, timeout: float = 15):
        self.base = base_url.rstrip("/")
        self.timeout = timeout

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict | None = None) -> Response:
        req = urllib.request.Request(self.base + path, data=body, method=method,
                                     headers={"Accept-Encoding": "gzip, identity", **(headers or {})})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as r:
                status, hdrs, data = r.status, r.headers, r.read()
        except urllib.error.HTTPError as e:
            status, hdrs, data = e.code, e.headers, e.read()
        headers_out = {k.lower(): v for k, v in hdrs.items()}
        if headers_out.get("content-encoding", "").lower() == "gzip":
            data = gzip.decompress(data)
        return Response(status, headers_out, data)

    def get(self, path: str, headers: dict | None = None) -> Response:
        return self.request("GET", path, headers=headers)

    def get_ok(self, path: str, what: str, headers: dict | None = None) -> Response:
        r = self.get(path, headers)
        if r.status != 200:
            fail(f"GET {path} ({what}) answered {r.status}: {r.body[:300]!r}")
        return r

    def get_json(self, path: str, what: str, headers: dict | None = None):
        r = self.get_ok(path, what, headers)
        try:
            return json.loads(r.body)
        except ValueError:
            fail(f"GET {path} ({what}) did not answer JSON: {r.body[:300]!r}")

    def send_json(self, method: str, path: str, payload, headers: dict | None = None) -> Response:
        return self.request(method, path, json.dumps(payload).encode("utf-8"),
                            {"Content-Type": "application/json", **(headers or {})})


def _hex_hashes(values, what: str) -> list[bytes]:
    if not isinstance(values, list):
        fail(f"{what} is not a list of hashes")
    out = []
    for v in values:
        if not isinstance(v, str) or not re.fullmatch(r"[0-9a-fA-F]{64}", v):
            fail(f"{what} holds {v!r}, not a hex SHA-256 hash")
        out.append(bytes.fromhex(v))
    return out


class TwizaLog:
    """The read side of a Twiza server's log: /log/* (C2SP) and /api/v1/log/* (JSON)."""

    def __init__(self, client: Client):
        self.http = client

    def verifier_key(self) -> tuple[VerifierKey, str]:
        r = self.http.get_ok("/log/key", "the log's verifier key")
        text = r.body.decode("utf-8", "replace")
        return parse_verifier_key(text), text

    def checkpoint(self, key: VerifierKey) -> Checkpoint:
        r = self.http.get_ok("/log/checkpoint", "the checkpoint")
        ctype = r.header("content-type").replace(" ", "").lower()
        if ctype != "text/plain;charset=utf-8":
            fail(f"the checkpoint's Content-Type is {r.header('content-type')!r}, "
                 "not 'text/plain; charset=utf-8' (C2SP tlog-tiles)")
        return open_checkpoint(r.body, key)

    def _tile_bytes(self, level, index: int, width: int) -> tuple[bytes, bool]:
        """The tile's bytes, and whether they are the full tile standing in for a partial one:
        tlog-tiles lets a log drop a partial tile once the full one exists, and a client may then
        use the full tile's first `width` entries."""
        path = "/log/" + tile_path(level, index, width)
        r = self.http.get(path)
        stand_in = False
        if r.status == 404 and width < TILE_WIDTH:
            full = self.http.get("/log/" + tile_path(level, index))
            if full.status == 200:
                path, r, stand_in = "/log/" + tile_path(level, index), full, True
        if r.status != 200:
            fail(f"GET {path} answered {r.status}: {r.body[:200]!r}")
        ctype = r.header("content-type").split(";")[0].strip().lower()
        if ctype != "application/octet-stream":
            fail(f"GET {path} has Content-Type {r.header('content-type')!r}, "
                 "not application/octet-stream (C2SP tlog-tiles)")
        return r.body, stand_in

    def hash_tile(self, level: int, index: int, width: int) -> list[bytes]:
        data, stand_in = self._tile_bytes(level, index, width)
        if stand_in:
            return split_tile(data, TILE_WIDTH, f"hash tile {tile_path(level, index)}")[:width]
        return split_tile(data, width, f"hash tile {tile_path(level, index, width)}")

    def entry_bundle(self, index: int, width: int) -> list[bytes]:
        data, stand_in = self._tile_bytes("entries", index, width)
        if stand_in:
            return parse_entry_bundle(data, TILE_WIDTH, f"entry bundle {tile_path('entries', index)}")[:width]
        return parse_entry_bundle(data, width, f"entry bundle {tile_path('entries', index, width)}")

    def entry(self, index: int) -> tuple[bytes, str]:
        doc = self.http.get_json(f"/api/v1/log/entries/{index}", f"entry {index}")
        if not isinstance(doc, dict) or not isinstance(doc.get("leaf"), str):
            fail(f"entry {index}: no base64 'leaf' in {doc!r}")
        return strict_b64decode(doc["leaf"], f"entry {index}'s leaf"), doc.get("leaf_hash")

    def inclusion_proof(self, index: int, size: int) -> list[bytes]:
        doc = self.http.get_json(f"/api/v1/log/proof/inclusion?index={index}&tree_size={size}",
                                 f"the inclusion proof of leaf {index} in tree {size}")
        if doc.get("leaf_index") != index or doc.get("tree_size") != size:
            fail(f"the inclusion proof of leaf {index} in tree {size} says leaf_index="
                 f"{doc.get('leaf_index')!r}, tree_size={doc.get('tree_size')!r}")
        return _hex_hashes(doc.get("hashes"), f"the inclusion proof of leaf {index} in tree {size}")

    def consistency_proof(self, size1: int, size2: int) -> list[bytes]:
        doc = self.http.get_json(f"/api/v1/log/proof/consistency?from={size1}&to={size2}",
                                 f"the consistency proof {size1} -> {size2}")
        return _hex_hashes(doc.get("hashes"), f"the consistency proof {size1} -> {size2}")

    def wait_for_checkpoint(self, key: VerifierKey, min_size: int, seconds: float) -> Checkpoint:
        deadline = time.monotonic() + seconds
        while True:
            cp = self.checkpoint(key)
            if cp.size >= min_size:
                return cp
            if time.monotonic() > deadline:
                fail(f"no checkpoint of size >= {min_size} within {seconds} s (latest: {cp.size})")
            time.sleep(0.05)


# ---------------------------------------------------------------------------------------------
# The checks.
# ---------------------------------------------------------------------------------------------

@dataclasses.dataclass
class Audit:
    checkpoint: Checkpoint
    leaves: list[bytes]
    leaf_hashes: list[bytes]
    objects: list[dict]
    tiles_checked: int
    bundles_checked: int


def audit_log(log: TwizaLog, cp: Checkpoint) -> Audit:
    """Downloads every entry bundle and hash tile of the checkpoint's tree; recomputes the root from
    the leaves and, separately, from the served tiles alone; checks every served tile against the
    tiles computed from the leaves, and every leaf against Twiza's rules."""
    size = cp.size
    leaves: list[bytes] = []
    bundles = 0
    for level, index, width in tiles_for_size(size):
        if level == 0:
            leaves += log.entry_bundle(index, width)
            bundles += 1
    if len(leaves) != size:
        fail(f"the entry bundles hold {len(leaves)} leaves, the checkpoint says {size}")
    hashes = [leaf_hash(x) for x in leaves]
    root = root_of(hashes)
    if root != cp.root:
        fail(f"the root recomputed from the {size} leaves is {root.hex()}, the checkpoint says "
             f"{cp.root.hex()}")
    levels = tile_levels(hashes)
    served: dict[tuple[int, int], bytes] = {}
    tiles = 0
    for level, index, width in tiles_for_size(size):
        got = log.hash_tile(level, index, width)
        want = split_tile(tile_content(levels, level, index, width), width, "computed tile")
        for j, (g, w) in enumerate(zip(got, want)):
            if g != w:
                fail(f"hash tile {tile_path(level, index, width)} entry {j} is {g.hex()}, computed "
                     f"from the leaves {w.hex()}")
        for j, h in enumerate(got):
            served[(level, index * TILE_WIDTH + j)] = h
        tiles += 1
    from_tiles = root_from_tiles(size, lambda level, i: served[(level, i)])
    if from_tiles != cp.root:
        fail("the root computed from the served tiles alone is not the checkpoint's root")
    now = time.time()
    objects = [check_leaf(x, f"leaf {i}", now) for i, x in enumerate(leaves)]
    return Audit(cp, leaves, hashes, objects, tiles, bundles)


def check_inclusion(log: TwizaLog, cp: Checkpoint, index: int, leaf_h: bytes,
                    expected: list[bytes] | None = None) -> list[bytes]:
    """Fetches the inclusion proof of leaf `index` in the checkpoint's tree and verifies it; with
    `expected`, also requires the proof to be exactly the one computed from the leaves."""
    proof = log.inclusion_proof(index, cp.size)
    verify_inclusion(index, cp.size, leaf_h, proof, cp.root)
    if expected is not None and proof != expected:
        fail(f"the inclusion proof of leaf {index} in tree {cp.size} verifies but is not the "
             "RFC 9162 PATH")
    return proof


def check_entries_endpoint(log: TwizaLog, audit: Audit, indexes):
    for i in indexes:
        leaf, hex_hash = log.entry(i)
        if leaf != audit.leaves[i]:
            fail(f"/api/v1/log/entries/{i} is not the leaf of the entry bundle")
        if hex_hash != audit.leaf_hashes[i].hex():
            fail(f"/api/v1/log/entries/{i} gives leaf_hash {hex_hash!r}, not "
                 f"{audit.leaf_hashes[i].hex()}")


def sample_indexes(size: int, count: int, rng: random.Random | None = None) -> list[int]:
    rng = rng or random.Random()
    picked = set(rng.sample(range(size), min(count, size))) if size else set()
    if size:
        picked |= {0, size - 1}
    return sorted(picked)


def check_consistency(log: TwizaLog, old: Checkpoint, new: Checkpoint,
                      hashes: list[bytes] | None = None) -> list[bytes]:
    proof = log.consistency_proof(old.size, new.size)
    verify_consistency(old.size, new.size, old.root, new.root, proof)
    if hashes is not None and proof != consistency_proof(old.size, hashes[: new.size]):
        fail(f"the consistency proof {old.size} -> {new.size} verifies but is not the RFC 9162 PROOF")
    return proof


def verify_receipt(receipt: dict, key: VerifierKey) -> tuple[Checkpoint, dict]:
    """A donation receipt: its checkpoint is signed by the log, its inclusion proof is for the
    checkpoint's size and leads from the leaf to the checkpoint's root, and the leaf's donor is the
    commitment to the receipt secret. Returns the checkpoint and the leaf."""
    for member in ("donation_id", "leaf_index", "leaf", "leaf_hash", "receipt_secret", "checkpoint",
                   "inclusion"):
        if member not in receipt:
            fail(f"the receipt has no {member!r}")
    cp = open_checkpoint(receipt["checkpoint"], key)
    inc = receipt["inclusion"]
    if not isinstance(inc, dict) or inc.get("tree_size") != cp.size:
        fail(f"the receipt's inclusion proof is for tree size {inc.get('tree_size')!r}, its "
             f"checkpoint for {cp.size}")
    leaf = strict_b64decode(receipt["leaf"], "the receipt's leaf")
    lh = leaf_hash(leaf)
    if receipt["leaf_hash"] != lh.hex():
        fail(f"the receipt's leaf_hash {receipt['leaf_hash']!r} is not SHA-256(0x00 || leaf) = {lh.hex()}")
    index = receipt["leaf_index"]
    if isinstance(index, bool) or not isinstance(index, int):
        fail("the receipt's leaf_index is not an integer")
    verify_inclusion(index, cp.size, lh, _hex_hashes(inc.get("hashes"), "the receipt's proof"), cp.root)
    obj = check_leaf(leaf, "the receipt's leaf")
    if obj["type"] != "donation_confirmed" or obj["id"] != receipt["donation_id"]:
        fail(f"the receipt of donation {receipt['donation_id']!r} holds the leaf of {obj['type']} {obj['id']!r}")
    secret_hex = receipt["receipt_secret"]
    if not isinstance(secret_hex, str) or not re.fullmatch(r"[0-9a-fA-F]{64}", secret_hex):
        fail("the receipt secret is not 64 hex digits")
    if obj.get("donor") != donor_commitment(bytes.fromhex(secret_hex)):
        fail("the leaf's donor is not SHA-256('twiza-donor-commitment-v1\\n' || receipt secret)")
    return cp, obj


class TwizaApi:
    """The few API calls the write checks need, as one signed-in user."""

    def __init__(self, client: Client, email: str, password: str):
        self.http = client
        r = client.send_json("POST", "/api/v1/tokens", {"email": email, "password": password})
        if r.status != 201:
            fail(f"POST /api/v1/tokens answered {r.status}: {r.body[:300]!r}")
        self.token = json.loads(r.body)["token"]
        self.auth = {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, what: str):
        return self.http.get_json(path, what, self.auth)

    def collecting_campaign(self) -> dict:
        """A published campaign of the user's association whose authorization is granted."""
        me = self.get("/api/v1/me", "the signed-in user")
        for m in me.get("memberships", []):
            org = m["organization_id"]
            doc = self.get(f"/api/v1/organizations/{org}/campaigns", "the association's campaigns")
            campaigns = doc if isinstance(doc, list) else next(
                (v for v in doc.values() if isinstance(v, list)), [])
            for c in campaigns:
                if c.get("state") == "published" and _authorization_granted(c):
                    return c
        fail("the user's associations have no published campaign with a granted authorization")

    def donate(self, campaign_id, amount: str = "250.00") -> dict:
        r = self.http.send_json(
            "POST", f"/api/v1/campaigns/{campaign_id}/donations",
            {"kind": "money", "amount": amount, "currency": "MAD", "method": "cash"},
            {**self.auth, "Idempotency-Key": "verifier-" + secrets.token_hex(12)})
        if r.status != 201:
            fail(f"POST /api/v1/campaigns/{campaign_id}/donations answered {r.status}: {r.body[:300]!r}")
        doc = json.loads(r.body)
        if doc.get("status") != "confirmed" or doc.get("replayed") is not False:
            fail(f"a new donation answered {doc!r}")
        return doc

    def receipt(self, donation_id) -> dict:
        return self.get(f"/api/v1/donations/{donation_id}/receipt", "the donation's receipt")


def _authorization_granted(campaign: dict) -> bool:
    """Whether a campaign's authorization is granted, wherever the campaign view puts it."""
    for k, v in campaign.items():
        if "authoriz" in k:
            if v == "granted":
                return True
            if isinstance(v, dict) and any(x == "granted" for x in v.values()):
                return True
    return False


def check_writes(log: TwizaLog, key: VerifierKey, api: TwizaApi, count: int = 20,
                 wait_seconds: float = 2.0) -> tuple[Checkpoint, Checkpoint, list[dict]]:
    """Posts `count` donations, waits for a checkpoint that holds them, verifies the consistency
    proof from the checkpoint before to the new one, each donation's inclusion proof, and the
    receipt of one of them. Returns the old and new checkpoints and the donations."""
    campaign = api.collecting_campaign()
    old = log.checkpoint(key)
    donations = [api.donate(campaign["id"]) for _ in range(count)]
    indexes = [d["leaf_index"] for d in donations]
    if len(set(indexes)) != count or min(indexes) < old.size:
        fail(f"the new donations' leaf indexes {indexes} are not {count} new positions after {old.size}")
    new = log.wait_for_checkpoint(key, max(indexes) + 1, wait_seconds)
    check_consistency(log, old, new)
    for d in donations:
        lh = bytes.fromhex(d["leaf_hash"])
        check_inclusion(log, new, d["leaf_index"], lh)
        leaf, _ = log.entry(d["leaf_index"])
        if leaf_hash(leaf) != lh:
            fail(f"donation {d['id']}: the leaf at {d['leaf_index']} does not hash to its leaf_hash")
        obj = check_leaf(leaf, f"the leaf of donation {d['id']}")
        if obj["type"] != "donation_confirmed" or obj.get("amount") != "250.00":
            fail(f"the leaf of donation {d['id']} is {obj!r}, not a confirmed 250.00 MAD donation")
    receipt = api.receipt(donations[-1]["id"])
    if receipt.get("leaf_index") != donations[-1]["leaf_index"]:
        fail("the receipt is not for the donation's leaf")
    rcp, _ = verify_receipt(receipt, key)
    if rcp.size > new.size:
        new = log.wait_for_checkpoint(key, rcp.size, wait_seconds)
    check_consistency(log, rcp, new)
    return old, new, donations


# ---------------------------------------------------------------------------------------------
# Command line.
# ---------------------------------------------------------------------------------------------

def _say(msg: str):
    print(f"ok  {msg}", flush=True)


def run(args) -> None:
    client = Client(args.server)
    log = TwizaLog(client)
    served_key, served_text = log.verifier_key()
    if args.key:
        key = parse_verifier_key(args.key)
        if key != served_key:
            fail(f"the server's key {served_text.strip()} is not the pinned key {args.key}")
        _say(f"key {key.encode()} (pinned; the key id is SHA-256(name || 0x0A || 0x01 || key)[:4])")
    else:
        key = served_key
        _say(f"key {key.encode()} (taken from the server: pin it with --key; key id checked)")
    cp = log.checkpoint(key)
    _say(f"checkpoint {cp.origin} size {cp.size} root {cp.root.hex()} (Ed25519 signature verified)")
    audit = audit_log(log, cp)
    _say(f"{audit.bundles_checked} entry bundles and {audit.tiles_checked} hash tiles: the leaves "
         "and the tiles alone both give the checkpoint's root; every tile matches")
    types = sorted({o["type"] for o in audit.objects})
    _say(f"{cp.size} leaves are canonical JSON with no e-mail or phone number (types: {', '.join(types)})")
    picks = sample_indexes(cp.size, args.samples)
    for i in picks:
        check_inclusion(log, cp, i, audit.leaf_hashes[i], inclusion_path(i, audit.leaf_hashes))
    check_entries_endpoint(log, audit, picks)
    _say(f"{len(picks)} inclusion proofs verify and equal the proofs computed from the leaves")
    if args.state:
        try:
            with open(args.state, encoding="utf-8") as f:
                previous = open_checkpoint(f.read(), key)
        except FileNotFoundError:
            previous = None
        if previous is not None:
            check_consistency(log, previous, cp, audit.leaf_hashes)
            _say(f"consistent with the checkpoint remembered in {args.state} (size {previous.size})")
        with open(args.state, "w", encoding="utf-8") as f:
            f.write(cp.note)
    if args.receipt:
        with open(args.receipt, encoding="utf-8") as f:
            rcp, _ = verify_receipt(json.load(f), key)
        check_consistency(log, rcp, cp)
        _say(f"receipt {args.receipt}: signed checkpoint, inclusion proof and donor commitment verify")
    if args.logins:
        with open(args.logins, encoding="utf-8") as f:
            logins = json.load(f)
        treasurer = next((x for x in logins if x.get("role") == "treasurer"), None)
        if treasurer is None:
            fail(f"{args.logins} has no treasurer login")
        api = TwizaApi(client, treasurer["email"], treasurer["password"])
        old, new, donations = check_writes(log, key, api, args.donations)
        _say(f"{len(donations)} new donations: checkpoint {old.size} -> {new.size} consistent, each "
             "donation's inclusion proof and a receipt verify")
    print("all checks passed")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--server", required=True, help="the server's base URL, e.g. http://127.0.0.1:8080")
    p.add_argument("--key", help="the trusted verifier key <name>+<id>+<base64>; without it the "
                   "server's own /log/key is used (and only its key id is checked)")
    p.add_argument("--samples", type=int, default=50, help="random inclusion proofs to check (default 50)")
    p.add_argument("--state", help="a file holding the last verified checkpoint: the new one must be "
                   "consistent with it, and replaces it")
    p.add_argument("--receipt", help="a donation receipt (JSON) to verify")
    p.add_argument("--logins", help="a demo-logins.json: also post donations as its treasurer and "
                   "check the log grows consistently (writes to the server!)")
    p.add_argument("--donations", type=int, default=20, help="donations to post with --logins")
    args = p.parse_args(argv)
    try:
        run(args)
    except VerificationError as e:
        print(f"FAIL: {e}", file=sys.stderr)
        return 1
    except (OSError, ValueError, KeyError) as e:
        print(f"ERROR: {type(e).__name__}: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
