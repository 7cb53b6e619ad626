#!/usr/bin/env python3
"""A second implementation of SecretGuard's v2 encrypted values, written from docs/formats.md section 2 alone
("Version 2: public-key values") with the Python `cryptography` package. It is not part of the test run: it printed
the known-answer vectors of that section, which tests/SecretGuard.Runtime.Tests/PublicKeyVectorTests.cs checks against
the C# implementation in both directions. Run: python3 secretguard_v2.py
"""
import base64
import hashlib

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

CURVE = ec.SECP256R1()


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def private_key(d: bytes) -> ec.EllipticCurvePrivateKey:
    return ec.derive_private_key(int.from_bytes(d, "big"), CURVE)


def point(public: ec.EllipticCurvePublicKey) -> bytes:
    n = public.public_numbers()
    return b"\x04" + n.x.to_bytes(32, "big") + n.y.to_bytes(32, "big")


def public_key_text(p: bytes) -> str:
    return "sgpub2_" + b64url(p)


def private_key_text(d: bytes) -> str:
    return "sgkey2_" + b64url(d)


def rid(p: bytes) -> str:
    return hashlib.sha256(p).hexdigest()[:8]


def associated_data(env: str, name: str, rids: str) -> bytes:
    return ("secretguard:v2|" + env + "|" + name + "|" + rids).encode("utf-8")


def kek(z: bytes, e_point: bytes, r_point: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=e_point + r_point, info=b"secretguard:v2:wrap").derive(z)


def encrypt(env: str, name: str, plaintext: str, recipients: list, e: bytes, cek: bytes, nonce: bytes) -> str:
    eph = private_key(e)
    e_point = point(eph.public_key())
    rids = "-".join(rid(p) for p in recipients)
    aad = associated_data(env, name, rids)
    wraps = b""
    for p in recipients:
        z = eph.exchange(ec.ECDH(), ec.EllipticCurvePublicKey.from_encoded_point(CURVE, p))
        wraps += AESGCM(kek(z, e_point, p)).encrypt(b"\x00" * 12, cek, aad)
    body = AESGCM(cek).encrypt(nonce, plaintext.encode("utf-8"), aad)
    return env.upper() + "_ENC:v2:" + rids + ":" + b64url(e_point + wraps + nonce + body)


def decrypt(value: str, name: str, d: bytes) -> str:
    prefix, version, rids, payload = value.split(":")
    assert prefix.endswith("_ENC") and version == "v2"
    env = prefix[: -len("_ENC")].lower()
    me = private_key(d)
    my_point = point(me.public_key())
    ids = rids.split("-")
    index = ids.index(rid(my_point))
    data = unb64url(payload)
    e_point = data[:65]
    wrap = data[65 + 48 * index: 65 + 48 * (index + 1)]
    rest = data[65 + 48 * len(ids):]
    aad = associated_data(env, name, rids)
    z = me.exchange(ec.ECDH(), ec.EllipticCurvePublicKey.from_encoded_point(CURVE, e_point))
    cek = AESGCM(kek(z, e_point, my_point)).decrypt(b"\x00" * 12, wrap, aad)
    return AESGCM(cek).decrypt(rest[:12], rest[12:], aad).decode("utf-8")


if __name__ == "__main__":
    d_app = bytes(range(0x01, 0x21))
    d_ops = bytes(range(0x41, 0x61))
    e = bytes(range(0x21, 0x41))
    p_app = point(private_key(d_app).public_key())
    p_ops = point(private_key(d_ops).public_key())
    print("app private", private_key_text(d_app))
    print("app public ", public_key_text(p_app), "rid", rid(p_app))
    print("ops private", private_key_text(d_ops))
    print("ops public ", public_key_text(p_ops), "rid", rid(p_ops))
    eph = private_key(e)
    e_point = point(eph.public_key())
    print("ephemeral public", e_point.hex())
    z = eph.exchange(ec.ECDH(), ec.EllipticCurvePublicKey.from_encoded_point(CURVE, p_app))
    print("Z (app)", z.hex())
    print("KEK (app)", kek(z, e_point, p_app).hex())
    cases = [
        ("dev", "API_KEY_SECRET", "correct horse battery staple", [p_app], bytes(range(0xA0, 0xC0)), bytes(range(0, 12))),
        ("prod", "Db__Password_SECRET", "pässwörd ✓ 🔑", [p_app, p_ops], bytes([0x5A] * 32), bytes([0xFF] * 12)),
        ("int", "EMPTY_SECRET", "", [p_ops], bytes([0x0F] * 32), bytes([0x07] * 12)),
    ]
    for env, name, plaintext, recipients, cek, nonce in cases:
        value = encrypt(env, name, plaintext, recipients, e, cek, nonce)
        print(env, name, value)
        for d in (d_app, d_ops):
            if rid(point(private_key(d).public_key())) in value:
                assert decrypt(value, name, d) == plaintext
