# Owns: the tests of the independent log verifier: offline self-tests and live checks of `twiza demo`.
"""Tests of twiza_verify.py.

Offline: the RFC 6962 test vectors (the root hashes of the eight test leaves and the inclusion and
consistency proofs published with transparency-dev/merkle), proofs of every shape for small trees,
tile arithmetic from the C2SP tlog-tiles text, signed notes signed here with a fresh key, RFC 8785
canonical JSON, and negative cases that must be rejected.

Live: a `twiza demo` server (TWIZA_BIN, default target/debug/twiza) on a free port in a temporary
data directory; the log is verified from the outside, as any monitor would, then grown by
donations posted as the demo treasurer.
"""

import base64
import json
import os
import pathlib
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))

import twiza_verify as tv  # noqa: E402
from twiza_verify import VerificationError  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("TWIZA_BIN", str(ROOT / "target" / "debug" / "twiza"))

# ---------------------------------------------------------------------------------------------
# Test vectors: RFC 6962's eight test leaves and the published roots and proofs over them.
# ---------------------------------------------------------------------------------------------

LEAVES = [bytes.fromhex(h) for h in [
    "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
    "606162636465666768696a6b6c6d6e6f"]]
LEAF_HASHES = [tv.leaf_hash(x) for x in LEAVES]

ROOTS = [bytes.fromhex(h) for h in [  # sizes 1..8
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]]


def _hx(*hashes):
    return [bytes.fromhex(h) for h in hashes]


# (leaf index from 0, tree size, proof)
INCLUSION_VECTORS = [
    (0, 1, []),
    (0, 8, _hx("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
               "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
               "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
    (5, 8, _hx("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
               "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
               "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
    (2, 3, _hx("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")),
    (1, 5, _hx("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
               "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
               "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
]

# (size1, size2, proof)
CONSISTENCY_VECTORS = [
    (1, 1, []),
    (1, 8, _hx("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
               "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
               "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")),
    (6, 8, _hx("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
               "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
               "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
    (2, 5, _hx("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
               "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")),
    (6, 7, _hx("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
               "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
               "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")),
]

SOME_HASH = bytes.fromhex("abacaba000000000000000000000000000000000000000000060061e00123456")


def rejects(fn, *args):
    with pytest.raises(VerificationError):
        fn(*args)


def flipped(proof, i, bit=3):
    out = list(proof)
    out[i] = bytes([out[i][0] ^ (1 << bit)]) + out[i][1:]
    return out


def inclusion_corruptions(index, size, leaf, proof, root):
    """Variations of a good inclusion proof that must all fail."""
    out = [
        (index - 1, size, leaf, proof, root), (index + 1, size, leaf, proof, root),
        (index ^ 2, size, leaf, proof, root),
        (index, size * 2, leaf, proof, root), (index, size // 2, leaf, proof, root),
        (index, size, SOME_HASH, proof, root), (index, size, leaf, proof, tv.EMPTY_ROOT),
        (index, size, leaf, proof, SOME_HASH),
        (index, size, leaf, proof + [b""], root), (index, size, leaf, proof + [root], root),
        (index, size, leaf, [b""] + proof, root), (index, size, leaf, [root] + proof, root),
    ]
    out += [(index, size, leaf, flipped(proof, i), root) for i in range(len(proof))]
    if proof:
        out.append((index, size, leaf, proof[:-1], root))
    if len(proof) > 1:
        out.append((index, size, leaf, [proof[0], SOME_HASH] + proof[1:], root))
    return out


def consistency_corruptions(size1, size2, root1, root2, proof):
    out = [
        (size1 - 1, size2, root1, root2, proof), (size1 + 1, size2, root1, root2, proof),
        (size1 ^ 2, size2, root1, root2, proof),
        (size1, size2 * 2, root1, root2, proof), (size1, size2 // 2, root1, root2, proof),
        (size1, size2, SOME_HASH, root2, proof), (size1, size2, root1, SOME_HASH, proof),
        (size1, size2, root2, root1, proof),
        (size1, size2, root1, root2, []),
        (size1, size2, root1, root2, proof + [b""]), (size1, size2, root1, root2, proof + [root1]),
        (size1, size2, root1, root2, proof + [root2]),
        (size1, size2, root1, root2, [b""] + proof), (size1, size2, root1, root2, [root1] + proof),
        (size1, size2, root1, root2, [root2] + proof), (size1, size2, root1, root2, [proof[0]] + proof),
        (size1, size2, root1, root2, proof[:-1]),
    ]
    out += [(size1, size2, root1, root2, flipped(proof, i, 4)) for i in range(len(proof))]
    return out


# ---------------------------------------------------------------------------------------------
# Offline: Merkle trees and proofs.
# ---------------------------------------------------------------------------------------------

def test_empty_tree_and_leaf_hashes():
    assert tv.EMPTY_ROOT.hex() == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    assert tv.root_of([]) == tv.EMPTY_ROOT
    assert tv.leaf_hash(b"") == ROOTS[0]


@pytest.mark.parametrize("size", range(1, 9))
def test_rfc6962_roots(size):
    assert tv.root_of(LEAF_HASHES[:size]) == ROOTS[size - 1]
    assert tv.root_of_recursive(LEAF_HASHES[:size]) == ROOTS[size - 1]


@pytest.mark.parametrize("index,size,proof", INCLUSION_VECTORS)
def test_inclusion_vectors(index, size, proof):
    leaf, root = LEAF_HASHES[index], ROOTS[size - 1]
    tv.verify_inclusion(index, size, leaf, proof, root)
    assert tv.inclusion_path(index, LEAF_HASHES[:size]) == proof
    for args in inclusion_corruptions(index, size, leaf, proof, root):
        rejects(tv.verify_inclusion, *args)


@pytest.mark.parametrize("size1,size2,proof", CONSISTENCY_VECTORS)
def test_consistency_vectors(size1, size2, proof):
    root1, root2 = ROOTS[size1 - 1], ROOTS[size2 - 1]
    tv.verify_consistency(size1, size2, root1, root2, proof)
    assert tv.consistency_proof(size1, LEAF_HASHES[:size2]) == proof
    if proof:
        for args in consistency_corruptions(size1, size2, root1, root2, proof):
            rejects(tv.verify_consistency, *args)


def test_consistency_edge_cases():
    a, b = ROOTS[0], ROOTS[1]
    tv.verify_consistency(0, 0, tv.EMPTY_ROOT, tv.EMPTY_ROOT, [])
    tv.verify_consistency(0, 5, tv.EMPTY_ROOT, ROOTS[4], [])
    tv.verify_consistency(1, 1, a, a, [])
    rejects(tv.verify_consistency, 1, 1, a, b, [])              # one size, two roots
    rejects(tv.verify_consistency, 1, 1, a, a, [a])             # equal sizes, non-empty proof
    rejects(tv.verify_consistency, 0, 1, tv.EMPTY_ROOT, a, [a])  # from empty, non-empty proof
    rejects(tv.verify_consistency, 0, 1, a, a, [])              # the empty tree's root is fixed
    rejects(tv.verify_consistency, 2, 1, b, a, [])              # going back in time
    rejects(tv.verify_consistency, 1, 2, a, b, [])              # empty proof for growth
    rejects(tv.verify_consistency, 1, 2, a[:31], b, [LEAF_HASHES[1]])  # wrong hash size
    tv.verify_consistency(1, 2, a, b, [LEAF_HASHES[1]])


def test_inclusion_edge_cases():
    h = tv.leaf_hash(b"data")
    tv.verify_inclusion(0, 1, h, [], h)
    for index, size in [(0, 0), (1, 0), (1, 1), (2, 1)]:
        rejects(tv.verify_inclusion, index, size, h, [], h)
    rejects(tv.verify_inclusion, 0, 1, h, [], b"")
    rejects(tv.verify_inclusion, 0, 1, b"", [], h)


def test_every_proof_of_small_trees():
    """Every inclusion and consistency proof of trees up to 40 leaves, made from the RFC's PATH and
    PROOF, verifies; the same proof with one bit flipped, or cut short, never does."""
    hashes = [tv.leaf_hash(bytes([i])) for i in range(40)]
    roots = [tv.root_of(hashes[:n]) for n in range(41)]
    for n in range(1, 41):
        assert roots[n] == tv.root_of_recursive(hashes[:n])
        for m in range(n):
            path = tv.inclusion_path(m, hashes[:n])
            tv.verify_inclusion(m, n, hashes[m], path, roots[n])
            for i in range(len(path)):
                rejects(tv.verify_inclusion, m, n, hashes[m], flipped(path, i), roots[n])
            if path:
                rejects(tv.verify_inclusion, m, n, hashes[m], path[:-1], roots[n])
            rejects(tv.verify_inclusion, m, n, hashes[m], path + [roots[n]], roots[n])
        for m in range(n + 1):
            proof = tv.consistency_proof(m, hashes[:n])
            tv.verify_consistency(m, n, roots[m], roots[n], proof)
            for i in range(len(proof)):
                rejects(tv.verify_consistency, m, n, roots[m], roots[n], flipped(proof, i))
            if proof:
                rejects(tv.verify_consistency, m, n, roots[m], roots[n], proof[:-1])
            if 0 < m < n:
                rejects(tv.verify_consistency, m, n, roots[m - 1], roots[n], proof)


# ---------------------------------------------------------------------------------------------
# Offline: tiles (C2SP tlog-tiles).
# ---------------------------------------------------------------------------------------------

def test_tile_paths():
    assert tv.tile_index_path(1234067) == "x001/x234/067"
    assert tv.tile_index_path(0) == "000"
    assert tv.tile_index_path(999) == "999"
    assert tv.tile_index_path(1000) == "x001/000"
    assert tv.tile_path(0, 5) == "tile/0/005"
    assert tv.tile_path(1, 1234067, 17) == "tile/1/x001/x234/067.p/17"
    assert tv.tile_path("entries", 3, 112) == "tile/entries/003.p/112"


def test_tiles_of_the_specs_examples():
    # "A tree of size 70,000 will be represented by 273 full level 0 tiles, one partial level 0
    # tile of width 112, one full level 1 tile, one partial level 1 tile of width 17, and one
    # partial level 2 tile of width 1."
    tiles = tv.tiles_for_size(70000)
    level0 = [t for t in tiles if t[0] == 0]
    assert len(level0) == 274 and all(w == 256 for _, _, w in level0[:273]) and level0[-1] == (0, 273, 112)
    assert [t for t in tiles if t[0] > 0] == [(1, 0, 256), (1, 1, 17), (2, 0, 1)]
    # "A tree of size 256 will be represented by a full level 0 tile and a partial level 1 tile of
    # width 1."
    assert tv.tiles_for_size(256) == [(0, 0, 256), (1, 0, 1)]
    assert tv.tiles_for_size(0) == []
    assert tv.tiles_for_size(1) == [(0, 0, 1)]


@pytest.mark.parametrize("size", [0, 1, 2, 3, 255, 256, 257, 300, 511, 512, 513, 4097, 65535, 65536, 65537, 70000])
def test_root_from_tiles_equals_root_from_leaves(size):
    hashes = [tv.leaf_hash(i.to_bytes(4, "big")) for i in range(size)]
    levels = tv.tile_levels(hashes)
    served = {}
    for level, index, width in tv.tiles_for_size(size):
        for j, h in enumerate(tv.split_tile(tv.tile_content(levels, level, index, width), width, "tile")):
            served[(level, index * 256 + j)] = h
    assert tv.root_from_tiles(size, lambda level, i: served[(level, i)]) == tv.root_of(hashes)
    if size >= 256:
        # a level 1 hash is the Merkle Tree Hash of a full level 0 tile
        assert served[(1, 0)] == tv.root_of(hashes[:256])


def test_entry_bundles():
    entries = [b"", b"a", b"{}" * 300, bytes(range(256))]
    data = tv.encode_entry_bundle(entries)
    assert data[:2] == b"\x00\x00" and data[2:5] == b"\x00\x01a"
    assert tv.parse_entry_bundle(data, 4) == entries
    rejects(tv.parse_entry_bundle, data, 5)
    rejects(tv.parse_entry_bundle, data[:-1], 4)
    rejects(tv.parse_entry_bundle, data + b"\x00", 4)
    rejects(tv.parse_entry_bundle, data + b"\x00\x05ab", 5)


# ---------------------------------------------------------------------------------------------
# Offline: signed notes and checkpoints (C2SP signed-note, tlog-checkpoint).
# ---------------------------------------------------------------------------------------------

def checkpoint_text(origin, size, root):
    return f"{origin}\n{size}\n{base64.b64encode(root).decode()}\n"


def test_checkpoint_of_the_spec():
    cp = tv.parse_checkpoint_text(
        "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")
    assert cp.origin == "example.com/behind-the-sofa" and cp.size == 20852163 and len(cp.root) == 32
    root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="
    for bad in [f"o\n020852163\n{root}\n", f"o\n-1\n{root}\n", f"o\n1\n{root}", "o\n1\n",
                f"o\n1\n{root}\n\nextra\n", f"\n1\n{root}\n", "o\n1\nAAAA\n", f"o\n1 \n{root}\n",
                f"o\n1\n{root[:-1]}\n"]:
        rejects(tv.parse_checkpoint_text, bad)
    assert tv.parse_checkpoint_text(f"o\n0\n{root}\next\n").extensions == ("ext",)


def test_verifier_key():
    signer = tv.NoteSigner.generate("twiza.example/log")
    vkey = signer.verifier_key
    text = vkey.encode()
    name, id_hex, blob = text.split("+", 2)
    assert name == "twiza.example/log"
    assert bytes.fromhex(id_hex) == tv.sha256(b"twiza.example/log\n\x01" + vkey.public_key)[:4]
    assert base64.b64decode(blob)[0] == 1 and len(base64.b64decode(blob)) == 33
    assert tv.parse_verifier_key(text + "\n") == vkey
    other_id = f"{(int(id_hex, 16) ^ 1):08x}"
    rejects(tv.parse_verifier_key, f"{name}+{other_id}+{blob}")
    ecdsa_type = base64.b64encode(bytes([2]) + vkey.public_key).decode()
    rejects(tv.parse_verifier_key, f"{name}+{id_hex}+{ecdsa_type}")
    rejects(tv.parse_verifier_key, f"{name}+{id_hex}")
    rejects(tv.parse_verifier_key, f"other.example/log+{id_hex}+{blob}")
    # Base64 may hold a plus, the name and the id may not: keys round-trip whatever their bytes.
    for _ in range(64):
        k = tv.NoteSigner.generate("twiza.example/log").verifier_key
        assert tv.parse_verifier_key(k.encode()) == k


def test_signed_note_round_trip_and_alterations():
    signer = tv.NoteSigner.generate("twiza.example/log")
    key = signer.verifier_key
    text = checkpoint_text("twiza.example/log", 8, ROOTS[7])
    note = signer.sign(text)
    assert note.count("\u2014 twiza.example/log ") == 1
    assert tv.open_note(note, key) == text
    cp = tv.open_checkpoint(note, key)
    assert cp.size == 8 and cp.root == ROOTS[7]
    raw = note.encode()
    for i in range(len(raw)):
        altered = raw[:i] + bytes([raw[i] ^ 0x01]) + raw[i + 1:]
        rejects(tv.open_note, altered, key)
    rejects(tv.open_note, raw[:-1], key)          # no final newline
    rejects(tv.open_note, raw + b"\n", key)       # nothing after the last blank line
    rejects(tv.open_note, text, key)              # unsigned


def test_signed_note_keys():
    signer = tv.NoteSigner.generate("twiza.example/log")
    key = signer.verifier_key
    text = checkpoint_text("twiza.example/log", 3, ROOTS[2])
    note = signer.sign(text)
    # The right name and key with another key id is another key: the note has no signature by it.
    wrong_id = tv.VerifierKey(key.name, bytes([key.key_id[0] ^ 0x80]) + key.key_id[1:], key.public_key)
    rejects(tv.open_note, note, wrong_id)
    # Same name, another key (hence another id).
    rejects(tv.open_note, note, tv.NoteSigner.generate("twiza.example/log").verifier_key)
    # A key with the same id but another name.
    rejects(tv.open_note, note, tv.VerifierKey("other.example/log", key.key_id, key.public_key))
    # Signatures by unknown keys are ignored, before or after the log's.
    witness = tv.NoteSigner.generate("witness.example/w1")
    assert tv.open_note(text + "\n" + witness.signature_line(text) + signer.signature_line(text), key) == text
    assert tv.open_note(note + witness.signature_line(text), key) == text
    # ...but a note signed only by them is rejected.
    rejects(tv.open_note, witness.sign(text), key)
    # A bad signature by the known key rejects the note even beside a good one.
    impostor = tv.NoteSigner("twiza.example/log", signer.private_key)
    bad_line = impostor.signature_line(checkpoint_text("twiza.example/log", 4, ROOTS[3]))
    rejects(tv.open_note, note + bad_line, key)
    # A signature over a different tree size does not carry over.
    forged = checkpoint_text("twiza.example/log", 4, ROOTS[2]) + "\n" + signer.signature_line(text)
    rejects(tv.open_note, forged, key)
    # The origin must be the key's name.
    foreign = tv.NoteSigner("twiza.example/log", signer.private_key).sign(checkpoint_text("elsewhere", 3, ROOTS[2]))
    rejects(tv.open_checkpoint, foreign, key)
    # Control characters and non-canonical base64.
    rejects(tv.open_note, text.replace("\n", "\r\n", 1) + "\n" + signer.signature_line(text), key)
    line = signer.signature_line(text)
    blob = line.split(" ")[2].strip()
    assert blob.endswith("=")
    last = blob[-2]
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    same_bytes = alphabet[alphabet.index(last) ^ 1]  # differs only in bits base64 drops
    rejects(tv.open_note, text + "\n" + line.replace(blob, blob[:-2] + same_bytes + "="), key)


# ---------------------------------------------------------------------------------------------
# Offline: canonical JSON (RFC 8785) and leaves.
# ---------------------------------------------------------------------------------------------

def test_rfc8785_examples():
    parsed = json.loads('{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],'
                        '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",'
                        '"literals": [null, true, false]}')
    assert tv.canonical_json(parsed) == (
        '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],'
        '"string":"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}').encode()
    keys = {"\u20ac": "Euro Sign", "\r": "Carriage Return", "\ufb33": "Hebrew Letter Dalet With Dagesh",
            "1": "One", "\U0001f600": "Emoji: Grinning Face", "\u0080": "Control", "\u00f6": "Latin Small Letter O With Diaeresis"}
    out = tv.canonical_json(keys).decode()
    order = [k for k in sorted(keys, key=lambda k: out.index(tv._es_string(k) + ":"))]
    assert order == ["\r", "1", "\u0080", "\u00f6", "\u20ac", "\U0001f600", "\ufb33"]
    for x, s in [(0.0, "0"), (-0.0, "0"), (1.0, "1"), (-1.5, "-1.5"), (1e21, "1e+21"), (1e20, "100000000000000000000"),
                 (1e-6, "0.000001"), (1e-7, "1e-7"), (123.456, "123.456"), (5e-324, "5e-324"),
                 (1.7976931348623157e308, "1.7976931348623157e+308")]:
        assert tv.canonical_json(x) == s.encode(), x


DONOR = tv.donor_commitment(bytes(range(32)))


def leaf_bytes(**members):
    obj = {"v": 1, "type": "donation_confirmed", "id": "d-1", "at": 1_700_000_000,
           "amount": "250.00", "currency": "MAD", "donor": DONOR, "campaign": "CMP-1"}
    obj.update(members)
    obj = {k: v for k, v in obj.items() if v is not None}
    return tv.canonical_json(obj)


def test_donor_commitment():
    secret = bytes.fromhex("11" * 32)
    assert tv.donor_commitment(secret) == tv.sha256(b"twiza-donor-commitment-v1\n" + secret).hex()
    rejects(tv.donor_commitment, b"\x11" * 31)


def test_good_leaves():
    assert tv.check_leaf(leaf_bytes())["amount"] == "250.00"
    tv.check_leaf(leaf_bytes(type="campaign_authorized", amount=None, currency=None, donor=None, id=42))
    tv.check_leaf(leaf_bytes(type="campaign_authorized", amount=None, donor=None, goal="500000.00"))
    tv.check_leaf(leaf_bytes(type="donation_confirmed", amount=None, currency=None,
                             items=[{"label": "blankets", "quantity": 20}]))
    # a hex digest full of digits is not a phone number
    tv.check_leaf(leaf_bytes(ref="a0612345678b" + "0" * 52, donor="0612345678" + "0" * 54))


@pytest.mark.parametrize("leaf", [
    b'{"v":1, "type":"x","id":"1","at":1700000000}',                        # whitespace
    b'{"type":"x","v":1,"id":"1","at":1700000000}',                         # unsorted
    b'{"at":1700000000,"id":"1","type":"x","v":1.0}',                        # 1.0 is not canonical
    b'{"at":1700000000,"id":"1","type":"x","type":"y","v":1}',                # duplicate member
    b'{"at":1700000000,"id":"\\u0041","type":"x","v":1}',                     # needless escape
    b'[1]',
    b'\xff',
])
def test_non_canonical_leaves(leaf):
    rejects(tv.check_leaf, leaf)


@pytest.mark.parametrize("members", [
    {"v": 2}, {"v": None}, {"type": None}, {"id": None}, {"at": None}, {"at": "1700000000"},
    {"at": 1_700_000_000_000}, {"type": "Donation Confirmed"},
    {"amount": "250.0"}, {"amount": "250"}, {"amount": 250}, {"amount": "-5.00"}, {"amount": "0250.00"},
    {"currency": "EUR"}, {"currency": None}, {"amount": None, "currency": "USD"},
    {"donor": None}, {"donor": DONOR.upper()}, {"donor": DONOR[:-2]},
    {"note": "contact: donor@example.ma"},
    {"note": "+212 6 12 34 56 78"}, {"note": "tel 0612345678"}, {"note": "06.12.34.56.78"},
    {"note": "00212712345678"}, {"note": "212612345678"}, {"note": "+212-5-22-12-34-56"},
])
def test_rejected_leaves(members):
    rejects(tv.check_leaf, leaf_bytes(**members))


def make_receipt(signer, leaves, index, secret):
    hashes = [tv.leaf_hash(x) for x in leaves]
    text = checkpoint_text(signer.name, len(leaves), tv.root_of(hashes))
    return {
        "donation_id": json.loads(leaves[index])["id"], "leaf_index": index,
        "leaf": base64.b64encode(leaves[index]).decode(), "leaf_hash": hashes[index].hex(),
        "receipt_secret": secret.hex(), "checkpoint": signer.sign(text),
        "inclusion": {"tree_size": len(leaves), "hashes": [h.hex() for h in tv.inclusion_path(index, hashes)]},
    }


def test_receipts():
    signer = tv.NoteSigner.generate("twiza.example/log")
    key = signer.verifier_key
    secret = bytes(range(32))
    leaves = [leaf_bytes(id=f"d-{i}", donor=tv.donor_commitment(bytes([i]) * 32)) for i in range(13)]
    leaves[9] = leaf_bytes(id="d-9", donor=tv.donor_commitment(secret))
    good = make_receipt(signer, leaves, 9, secret)
    cp, leaf = tv.verify_receipt(good, key)
    assert cp.size == 13 and leaf["id"] == "d-9"

    def bad(**changes):
        r = json.loads(json.dumps(good))
        for k, v in changes.items():
            if k == "inclusion":
                r["inclusion"].update(v)
            else:
                r[k] = v
        rejects(tv.verify_receipt, r, key)

    bad(donation_id="d-8")
    bad(receipt_secret=bytes([1] * 32).hex())
    bad(leaf_index=8)
    bad(inclusion={"tree_size": 12})
    bad(inclusion={"hashes": good["inclusion"]["hashes"][:-1]})
    bad(inclusion={"hashes": [h[:-1] + ("0" if h[-1] != "0" else "1") for h in good["inclusion"]["hashes"]]})
    bad(leaf_hash=tv.leaf_hash(leaves[8]).hex())
    bad(leaf=base64.b64encode(leaves[8]).decode())
    bad(checkpoint=good["checkpoint"].replace("\n13\n", "\n14\n"))
    bad(checkpoint=tv.NoteSigner.generate("twiza.example/log").sign(good["checkpoint"].split("\n\n")[0] + "\n"))
    del good["receipt_secret"]
    rejects(tv.verify_receipt, good, key)


# ---------------------------------------------------------------------------------------------
# Live: `twiza demo`.
# ---------------------------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Demo:
    def __init__(self, base, data_dir, logins):
        self.base, self.data_dir, self.logins = base, data_dir, logins
        self.client = tv.Client(base)
        self.log = tv.TwizaLog(self.client)
        self.key, self.key_text = self.log.verifier_key()

    def login(self, role):
        return next(x for x in self.logins if x["role"] == role)


@pytest.fixture(scope="session")
def demo():
    data_dir = pathlib.Path(tempfile.mkdtemp(prefix="twiza-verifier-"))
    port = free_port()
    log_file = open(data_dir / "server.log", "w")
    server = subprocess.Popen([BIN, "demo", "--listen", f"127.0.0.1:{port}", "--data-dir", str(data_dir)],
                              stdout=log_file, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(base + "/healthz", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("twiza demo did not start: " + (data_dir / "server.log").read_text())
            time.sleep(0.2)
        logins = json.loads((data_dir / "demo-logins.json").read_text())
        yield Demo(base, data_dir, logins)
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log_file.close()
    # The server never panics, whatever the checks sent it.
    panics = [l for l in (data_dir / "server.log").read_text().splitlines() if "panicked" in l]
    assert not panics, "the server panicked:\n" + "\n".join(panics)


@pytest.fixture(scope="session")
def audit(demo):
    """The whole log as of one checkpoint, downloaded through tiles and checked."""
    cp = demo.log.checkpoint(demo.key)
    return tv.audit_log(demo.log, cp)


def test_live_key_id(demo):
    name, id_hex, blob = demo.key_text.strip().split("+", 2)
    raw = base64.b64decode(blob)
    assert raw[0] == 0x01 and len(raw) == 33
    assert id_hex == tv.sha256(name.encode() + b"\n\x01" + raw[1:])[:4].hex()
    assert demo.key.name == name


def test_live_checkpoint_signature(demo):
    r = demo.client.get_ok("/log/checkpoint", "checkpoint")
    assert r.header("content-type").replace(" ", "").lower() == "text/plain;charset=utf-8"
    cp = tv.open_checkpoint(r.body, demo.key)
    assert cp.origin == demo.key.name and cp.size > 0
    for i in range(len(r.body)):
        altered = r.body[:i] + bytes([r.body[i] ^ 0x01]) + r.body[i + 1:]
        with pytest.raises(VerificationError):
            tv.open_checkpoint(altered, demo.key)
    # A checkpoint claiming another size under the log's signature is rejected.
    text, sigs = r.body.decode().rsplit("\n\n", 1)
    lines = text.split("\n")
    lines[1] = str(int(lines[1]) + 1)
    rejects(tv.open_checkpoint, "\n".join(lines) + "\n\n" + sigs, demo.key)
    # Another key under the same name, or the right key under another id, verifies nothing.
    rejects(tv.open_checkpoint, r.body, tv.NoteSigner.generate(demo.key.name).verifier_key)
    rejects(tv.open_checkpoint, r.body, tv.VerifierKey(demo.key.name, b"\x00\x00\x00\x00", demo.key.public_key))


def test_live_tiles_and_root(demo, audit):
    """Every entry bundle and hash tile covering the checkpoint, full and partial: the root from the
    leaves, and the root from the tiles alone, are the checkpoint's root (audit_log raises
    otherwise), and each served tile is the one computed from the leaves."""
    size = audit.checkpoint.size
    assert size >= 100, "the demo should seed hundreds of donations"
    assert audit.bundles_checked == len([t for t in tv.tiles_for_size(size) if t[0] == 0])
    assert audit.tiles_checked == len(tv.tiles_for_size(size))
    if size % 256:
        partial = f"/log/tile/0/{tv.tile_index_path(size // 256)}.p/{size % 256}"
        assert demo.client.get(partial).status == 200
    # Nothing is served beyond the tree: no tile past the last, no full tile where only a partial
    # one exists, no partial tile wider than the tree, and no empty tile.
    last = tv.tile_index_path(size // 256)
    for kind in ("0", "entries"):
        assert demo.client.get(f"/log/tile/{kind}/{tv.tile_index_path(size // 256 + 1)}").status == 404
        if size % 256:
            assert demo.client.get(f"/log/tile/{kind}/{last}").status == 404
            if size % 256 < 255:
                assert demo.client.get(f"/log/tile/{kind}/{last}.p/{size % 256 + 1}").status == 404
        assert demo.client.get(f"/log/tile/{kind}/{last}.p/0").status != 200


def test_live_leaves(audit):
    types = {o["type"] for o in audit.objects}
    assert "donation_confirmed" in types, types
    assert "campaign_authorized" in types, types
    assert all(o["currency"] == "MAD" for o in audit.objects if "amount" in o)


def test_live_entries_endpoint(demo, audit):
    tv.check_entries_endpoint(demo.log, audit, tv.sample_indexes(audit.checkpoint.size, 20))


def test_live_inclusion_proofs(demo, audit):
    cp = audit.checkpoint
    picks = tv.sample_indexes(cp.size, 50, random.Random())
    assert 0 in picks and cp.size - 1 in picks
    for i in picks:
        tv.check_inclusion(demo.log, cp, i, audit.leaf_hashes[i], tv.inclusion_path(i, audit.leaf_hashes))
    # Proofs into earlier tree sizes, against roots computed here from the leaves.
    rng = random.Random()
    for _ in range(10):
        size = rng.randint(1, cp.size)
        index = rng.randrange(size)
        proof = demo.log.inclusion_proof(index, size)
        tv.verify_inclusion(index, size, audit.leaf_hashes[index], proof, tv.root_of(audit.leaf_hashes[:size]))


def test_live_consistency_from_earlier_sizes(demo, audit):
    cp = audit.checkpoint
    rng = random.Random()
    sizes = {1, cp.size, cp.size - 1, 2 ** (cp.size.bit_length() - 1)} | {rng.randint(1, cp.size) for _ in range(10)}
    for m in sorted(s for s in sizes if 1 <= s <= cp.size):
        old = tv.Checkpoint(cp.origin, m, tv.root_of(audit.leaf_hashes[:m]))
        tv.check_consistency(demo.log, old, cp, audit.leaf_hashes)


def test_live_tampered_proofs_are_rejected(demo, audit):
    cp = audit.checkpoint
    index = cp.size // 3
    leaf = audit.leaf_hashes[index]
    proof = demo.log.inclusion_proof(index, cp.size)
    tv.verify_inclusion(index, cp.size, leaf, proof, cp.root)
    for args in inclusion_corruptions(index, cp.size, leaf, proof, cp.root):
        rejects(tv.verify_inclusion, *args)
    m = cp.size // 2 + 1
    root_m = tv.root_of(audit.leaf_hashes[:m])
    cproof = demo.log.consistency_proof(m, cp.size)
    tv.verify_consistency(m, cp.size, root_m, cp.root, cproof)
    for args in consistency_corruptions(m, cp.size, root_m, cp.root, cproof):
        rejects(tv.verify_consistency, *args)


def test_live_out_of_range_requests(demo, audit):
    size = demo.log.checkpoint(demo.key).size
    for path in [f"/api/v1/log/proof/inclusion?index={size}&tree_size={size}",
                 f"/api/v1/log/proof/inclusion?index=0&tree_size={size + 1000}",
                 "/api/v1/log/proof/consistency?from=2&to=1",
                 f"/api/v1/log/proof/consistency?from=1&to={size + 1000}",
                 f"/api/v1/log/entries/{size + 1000}"]:
        status = demo.client.get(path).status
        assert 400 <= status < 500, f"{path} answered {status}"


def test_live_donations_grow_the_log_consistently(demo):
    """Twenty donations posted as the treasurer: a larger checkpoint within 2 s, consistent with the
    one before; each donation's leaf in the new tree by its inclusion proof; a receipt verifies."""
    treasurer = demo.login("treasurer")
    api = tv.TwizaApi(demo.client, treasurer["email"], treasurer["password"])
    old, new, donations = tv.check_writes(demo.log, demo.key, api, count=20, wait_seconds=2.0)
    assert new.size >= old.size + 20
    # The older checkpoint's tree can still be rebuilt from tiles (its partial tiles, or the full
    # tiles that replaced them, are still served).
    tv.audit_log(demo.log, old)
    # The same on a second receipt, and a receipt tampered with is rejected.
    receipt = api.receipt(donations[0]["id"])
    assert receipt["donation_id"] == donations[0]["id"]
    assert receipt["leaf_index"] == donations[0]["leaf_index"]
    _, leaf = tv.verify_receipt(receipt, demo.key)
    # What the receipt states beyond the contract must agree with the leaf and the log.
    for member in ("amount", "currency"):
        if member in receipt:
            assert receipt[member] == leaf[member], member
    if "log_key" in receipt:
        assert receipt["log_key"] == demo.key.encode()
    tampered = dict(receipt, receipt_secret=("0" * 63 + "1"))
    rejects(tv.verify_receipt, tampered, demo.key)
    tampered = dict(receipt, inclusion=dict(receipt["inclusion"], hashes=receipt["inclusion"]["hashes"][1:]))
    rejects(tv.verify_receipt, tampered, demo.key)


class TamperingProxy:
    """A proxy in front of the demo server that alters the answers of chosen paths, to show that
    the live checks notice a log that lies."""

    def __init__(self, upstream):
        import http.server
        import threading
        proxy = self
        self.tamper = {}  # path prefix -> function(body bytes) -> body bytes

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):
                r = tv.Client(upstream).get(self.path, {"Accept-Encoding": "identity"})
                body = r.body
                for prefix, fn in proxy.tamper.items():
                    if self.path.startswith(prefix):
                        body = fn(body)
                self.send_response(r.status)
                self.send_header("Content-Type", r.header("content-type"))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def flip_at(offset, bit=0):
    return lambda body: body[:offset] + bytes([body[offset] ^ (1 << bit)]) + body[offset + 1:]


def _json_tamper(fn):
    def tamper(body):
        doc = json.loads(body)
        fn(doc)
        return json.dumps(doc).encode()
    return tamper


def _flip_first_hash(doc):
    h = doc["hashes"][0]
    doc["hashes"][0] = ("1" if h[0] == "0" else "0") + h[1:]


def _verify_through(proxy_base, key, audit):
    log = tv.TwizaLog(tv.Client(proxy_base))
    cp = log.checkpoint(key)
    served = tv.audit_log(log, cp)
    for i in (0, cp.size // 2, cp.size - 1):
        tv.check_inclusion(log, cp, i, served.leaf_hashes[i])
    tv.check_entries_endpoint(log, served, [0, 1, cp.size - 1])
    old = tv.Checkpoint(cp.origin, cp.size // 2, tv.root_of(served.leaf_hashes[: cp.size // 2]))
    tv.check_consistency(log, old, cp)


@pytest.mark.parametrize("path,tamper", [
    ("/log/checkpoint", lambda b: b.replace(b"\n", b"\n ", 1)),
    ("/log/checkpoint", flip_at(-20)),
    ("/log/tile/0/000", flip_at(100)),
    ("/log/tile/0/000", lambda b: b[:-32]),
    ("/log/tile/entries/000", lambda b: b.replace(b'"v":1', b'"v":2', 1)),
    ("/log/tile/entries/000", lambda b: b.replace(b"00.00", b"01.00", 1)),
    ("/log/tile/1/", flip_at(0)),
    ("/api/v1/log/entries/1", _json_tamper(lambda d: d.update(leaf_hash="00" * 32))),
    ("/api/v1/log/proof/inclusion", _json_tamper(_flip_first_hash)),
    ("/api/v1/log/proof/inclusion", _json_tamper(lambda d: d["hashes"].pop())),
    ("/api/v1/log/proof/consistency", _json_tamper(_flip_first_hash)),
    ("/api/v1/log/proof/consistency", _json_tamper(lambda d: d["hashes"].append(d["hashes"][0]))),
])
def test_live_a_lying_log_is_caught(demo, audit, path, tamper):
    proxy = TamperingProxy(demo.base)
    try:
        _verify_through(proxy.base, demo.key, audit)  # honest answers pass
        proxy.tamper[path] = tamper
        rejects(_verify_through, proxy.base, demo.key, audit)
    finally:
        proxy.close()


def test_live_command_line(demo, tmp_path):
    """The command line over the same server, twice with a state file (the second run checks the
    consistency with the first), exits 0; pinned to another key it fails."""
    script = pathlib.Path(__file__).resolve().parent / "twiza_verify.py"
    state = tmp_path / "checkpoint"
    for _ in range(2):
        run = subprocess.run([sys.executable, str(script), "--server", demo.base, "--key", demo.key_text.strip(),
                              "--samples", "10", "--state", str(state)], capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stdout + run.stderr
    assert "consistent with the checkpoint remembered" in run.stdout
    other = tv.NoteSigner.generate(demo.key.name).verifier_key.encode()
    run = subprocess.run([sys.executable, str(script), "--server", demo.base, "--key", other],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 1 and "FAIL:" in run.stderr
