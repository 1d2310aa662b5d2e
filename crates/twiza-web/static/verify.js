// The verify page's second opinion: checks a Twiza receipt in the browser with the Web Crypto
// API, from the receipt and the log's public endpoints only (RFC 9162 proofs, C2SP signed
// note), and remembers the log's key and largest checkpoint in this browser to catch a rewrite.
// Every word it shows comes from the page's data attributes (the message files).
"use strict";
(function () {
  const out = document.getElementById("browser-result");
  const area = document.getElementById("receipt");
  if (!out || !area || !area.value.trim() || !window.crypto || !crypto.subtle || !window.BigInt) {
    return;
  }
  const enc = new TextEncoder();
  const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  const unhex = (s) => new Uint8Array((s.match(/../g) || []).map((h) => parseInt(h, 16)));
  const unb64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
  const cat = (...parts) => {
    const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    return all;
  };
  const sha256 = async (bytes) => new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  const node = (l, r) => sha256(cat(new Uint8Array([1]), l, r));
  const same = (a, b) => a.length === b.length && a.every((x, i) => x === b[i]);

  // C2SP signed-note verifier key: <name>+<hex key id>+<base64(0x01 || key)>. The name holds no
  // '+', but the base64 may (about one key in two), so only the first two '+' separate fields.
  async function parseKey(text) {
    const m = text.trim().match(/^([^+\s]+)\+([0-9a-f]{8})\+([A-Za-z0-9+/]+={0,2})$/);
    if (!m) throw new Error("key");
    const [, name, id, key] = m;
    const raw = unb64(key);
    if (raw.length !== 33 || raw[0] !== 1) throw new Error("key");
    const digest = await sha256(cat(enc.encode(name + "\n"), raw));
    if (hex(digest.slice(0, 4)) !== id) throw new Error("key id");
    const verifier = await crypto.subtle.importKey("raw", raw.slice(1), { name: "Ed25519" }, false, ["verify"]);
    return { name, id: digest.slice(0, 4), verifier };
  }

  // A checkpoint note signed by `key`: { size, root }.
  async function openNote(key, note) {
    const split = note.lastIndexOf("\n\n");
    if (split < 0) throw new Error("note");
    const text = note.slice(0, split + 1);
    for (const line of note.slice(split + 2).split("\n")) {
      const m = line.match(/^\u2014 (\S+) (\S+)$/);
      if (!m || m[1] !== key.name) continue;
      const blob = unb64(m[2]);
      if (blob.length !== 68 || !same(blob.slice(0, 4), key.id)) continue;
      const ok = await crypto.subtle.verify({ name: "Ed25519" }, key.verifier, blob.slice(4), enc.encode(text));
      if (!ok) throw new Error("signature");
      const [origin, size, root] = text.split("\n");
      if (origin !== key.name || !/^(0|[1-9][0-9]*)$/.test(size)) throw new Error("checkpoint");
      return { size: BigInt(size), root: unb64(root) };
    }
    throw new Error("unsigned");
  }

  // RFC 9162 §2.1.3.2.
  async function inclusionOk(leafHash, index, size, proof, root) {
    if (index >= size) return false;
    let fn = index;
    let sn = size - 1n;
    let r = leafHash;
    for (const p of proof) {
      if (sn === 0n) return false;
      if ((fn & 1n) === 1n || fn === sn) {
        r = await node(p, r);
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      } else {
        r = await node(r, p);
      }
      fn >>= 1n;
      sn >>= 1n;
    }
    return sn === 0n && same(r, root);
  }

  // RFC 9162 §2.1.4.2.
  async function consistencyOk(first, second, firstRoot, secondRoot, proof) {
    if (first === second) return proof.length === 0 && same(firstRoot, secondRoot);
    if (first === 0n) return true;
    if (first > second || proof.length === 0) return false;
    let path = proof;
    if ((first & (first - 1n)) === 0n) path = [firstRoot].concat(proof);
    let fn = first - 1n;
    let sn = second - 1n;
    while ((fn & 1n) === 1n) {
      fn >>= 1n;
      sn >>= 1n;
    }
    let fr = path[0];
    let sr = path[0];
    for (const c of path.slice(1)) {
      if (sn === 0n) return false;
      if ((fn & 1n) === 1n || fn === sn) {
        fr = await node(c, fr);
        sr = await node(c, sr);
        while ((fn & 1n) === 0n && fn !== 0n) {
          fn >>= 1n;
          sn >>= 1n;
        }
      } else {
        sr = await node(sr, c);
      }
      fn >>= 1n;
      sn >>= 1n;
    }
    return sn === 0n && same(fr, firstRoot) && same(sr, secondRoot);
  }

  async function consistencyProof(from, to) {
    if (from === to || from === 0n) return [];
    const res = await fetch("/api/v1/log/proof/consistency?from=" + from + "&to=" + to);
    const body = await res.json();
    return body.hashes.map(unhex);
  }

  const NAMES = ["readable", "key", "signature", "leaf", "inclusion", "donor", "consistency"];
  const checks = [];
  const check = (name, ok) => checks.push([name, !!ok]);

  // What was checked before a step threw, that step failed, and the rest were not reached.
  function partial() {
    const done = checks.map(([name]) => name);
    return checks.concat(NAMES.filter((n) => !done.includes(n)).map((n) => [n, false]));
  }

  async function run() {
    let receipt;
    try {
      receipt = JSON.parse(area.value);
    } catch (e) {
      check("readable", false);
      return checks;
    }
    check("readable", true);
    const serverKey = (await (await fetch("/log/key")).text()).trim();
    const pinned = localStorage.getItem("twiza-log-key");
    check("key", receipt.log_key === serverKey && (!pinned || pinned === serverKey));
    const key = await parseKey(receipt.log_key);
    let cp = null;
    try {
      cp = await openNote(key, receipt.checkpoint);
    } catch (e) {
      cp = null;
    }
    check("signature", cp);
    const leaf = unb64(receipt.leaf);
    const leafHash = await sha256(cat(new Uint8Array([0]), leaf));
    check("leaf", hex(leafHash) === receipt.leaf_hash);
    check(
      "inclusion",
      cp &&
        BigInt(receipt.inclusion.tree_size) === cp.size &&
        (await inclusionOk(leafHash, BigInt(receipt.leaf_index), cp.size, receipt.inclusion.hashes.map(unhex), cp.root))
    );
    const parsed = JSON.parse(new TextDecoder().decode(leaf));
    const commitment = await sha256(cat(enc.encode("twiza-donor-commitment-v1\n"), unhex(receipt.receipt_secret)));
    check("donor", parsed.donor === hex(commitment) && parsed.id === receipt.donation_id);
    let consistent = false;
    if (cp) {
      const latest = await openNote(key, await (await fetch("/log/checkpoint")).text());
      consistent =
        latest.size >= cp.size &&
        (await consistencyOk(cp.size, latest.size, cp.root, latest.root, await consistencyProof(cp.size, latest.size)));
      const seen = localStorage.getItem("twiza-log-checkpoint");
      if (seen && consistent) {
        const [size, root] = seen.split(" ");
        const old = { size: BigInt(size), root: unhex(root) };
        consistent =
          latest.size >= old.size &&
          (await consistencyOk(old.size, latest.size, old.root, latest.root, await consistencyProof(old.size, latest.size)));
      }
      if (consistent) {
        localStorage.setItem("twiza-log-key", serverKey);
        localStorage.setItem("twiza-log-checkpoint", latest.size + " " + hex(latest.root));
      }
    }
    check("consistency", consistent);
    return checks;
  }

  function show(checks) {
    const title = document.createElement("h2");
    title.textContent = out.dataset.title;
    const list = document.createElement("ul");
    list.className = "checks";
    for (const [name, ok] of checks) {
      const item = document.createElement("li");
      item.className = ok ? "ok" : "fail";
      item.dataset.check = name;
      item.textContent = (ok ? "\u2713 " : "\u2717 ") + out.dataset["check" + name[0].toUpperCase() + name.slice(1)];
      list.appendChild(item);
    }
    const all = checks.length > 1 && checks.every(([, ok]) => ok);
    const verdict = document.createElement("p");
    verdict.className = all ? "ok verdict" : "alert verdict";
    verdict.setAttribute("role", "status");
    verdict.textContent = all ? out.dataset.ok : out.dataset.failed;
    out.replaceChildren(title, list, verdict);
    out.hidden = false;
    out.dataset.verdict = all ? "ok" : "failed";
  }

  run().then(show, () => show(partial()));
})();
