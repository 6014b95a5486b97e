"""``store verify|gc|encrypt|upgrade|recover-key``: the page store's files, the cache's encryption,
schema and key.

``verify`` is read-only (it works beside a running workstation and on a read-only medium); the others
own the data dir while they run. ``encrypt`` is the only way a plain cache (a demo's, or one from
before encryption) becomes encrypted: opening never converts anything.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from clerk.cli import CliError, add_data_dir, open_context


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("store", help="页面库 / the page store (scans and files)")
    ssub = p.add_subparsers(dest="store_command", required=True, metavar="ACTION")
    vp = ssub.add_parser("verify", help="rehash every file; one line per damaged or missing file; exit 1 on damage")
    add_data_dir(vp)
    vp.set_defaults(handler=cmd_verify)
    gp = ssub.add_parser("gc", help="delete files no page, file, print job or outbox entry refers to")
    add_data_dir(gp)
    gp.add_argument("--min-age", type=_seconds, default=3600.0, metavar="SECONDS",
                    help="keep files younger than this (a write in flight); default 3600")
    gp.add_argument("--dry-run", action="store_true", help="only list what would be deleted")
    gp.set_defaults(handler=cmd_gc)
    ep = ssub.add_parser("encrypt", help="encrypt a plain cache and page store with a new data key (SQLCipher)")
    add_data_dir(ep)
    ep.set_defaults(handler=cmd_encrypt)
    up = ssub.add_parser("upgrade", help="migrate the cache to this program's schema revision")
    add_data_dir(up)
    up.set_defaults(handler=cmd_upgrade)
    rp = ssub.add_parser("recover-key", help="put the data key back into this computer's keychain with the "
                                             "hall's recovery private key (data-key.recovery)")
    add_data_dir(rp)
    rp.add_argument("--private-key", type=Path, required=True)
    rp.add_argument("--passphrase-env", metavar="VAR")
    rp.set_defaults(handler=cmd_recover_key)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} 不是秒数") from None
    if not 0 <= value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text!r}：须为不小于 0 的秒数（正在写入的文件靠它保护）")
    return value


def cmd_verify(args: argparse.Namespace) -> int:
    from clerk.materials.service import expected_blobs

    ctx = open_context(args, read_only=True)
    try:
        damaged = ctx.pages.verify(expected_blobs(ctx.store))
        total = sum(1 for _ in ctx.pages.all_hashes())
        leftovers = ctx.pages.leftovers()
    finally:
        ctx.close()
    for line in damaged:
        print(line)
    if leftovers:
        print(f"（另有 {len(leftovers)} 个未写完的临时文件，已被忽略，store gc 会清理）", file=sys.stderr)
    if damaged:
        print(f"页面库有 {len(damaged)} 个文件损坏或丢失（共 {total} 个文件）", file=sys.stderr)
        return 1
    print(f"页面库完好：{total} 个文件", file=sys.stderr)
    return 0


def cmd_gc(args: argparse.Namespace) -> int:
    from clerk.materials.service import collect_garbage, referenced_blobs

    ctx = open_context(args)
    try:
        if args.dry_run:
            import time

            refs = referenced_blobs(ctx.store)
            cutoff = time.time() - args.min_age
            removed = [h for h in ctx.pages.all_hashes()
                       if h not in refs and ctx.pages.path(h).stat().st_mtime <= cutoff]
        else:
            removed = collect_garbage(ctx.store, ctx.pages, min_age_seconds=args.min_age)
    finally:
        ctx.close()
    for sha in removed:
        print(sha)
    print(f"{'可删除' if args.dry_run else '已删除'} {len(removed)} 个无引用的文件", file=sys.stderr)
    return 0


def cmd_encrypt(args: argparse.Namespace) -> int:
    import shutil

    from clerk.context import DataDirMissing, default_data_dir
    from clerk.security.keys import cache_state, data_key, encrypt_existing, sqlcipher_key
    from clerk.store import Store
    from clerk.store.lock import DataDirLock

    data_dir = (args.data_dir or default_data_dir()).expanduser().resolve()
    if not data_dir.is_dir():
        raise DataDirMissing(f"数据目录 {data_dir} 不存在（路径写错了？）")
    owner = DataDirLock.acquire(data_dir)  # nobody else may have the cache open while it is replaced
    try:
        db = data_dir / "cache.sqlite3"
        state = cache_state(data_dir)
        if state == "missing":
            raise CliError(f"数据目录 {data_dir} 中没有本地缓存，无需加密（新建的缓存本来就是加密的）")
        if state == "encrypted":
            raise CliError(f"本地缓存 {db} 已经加密，无需再加密")
        Store(db).dispose()  # a plain cache that opens (and is migrated) before it is copied
        key = data_key(data_dir, create=True)
        encrypt_existing(db, sqlcipher_key(key))
        Store(db, key=sqlcipher_key(key)).dispose()  # the encrypted copy opens with the key
        moved = _encrypt_pages(data_dir / "pages", key)
        shutil.rmtree(data_dir / "thumbs", ignore_errors=True)  # plain thumbnails: a cache, remade encrypted
    finally:
        owner.release()
    print(f"已加密：本地缓存 {db}（SQLCipher）和页面库的 {moved} 个文件；数据密钥在系统钥匙串中")
    return 0


def _encrypt_pages(root: Path, key: bytes) -> int:
    """Rewrites the plain files of the page store encrypted (same names: they hash the plaintext)."""
    from clerk.materials.pagestore import MAGIC, PageStore
    from clerk.security.keys import page_store_key

    enc = PageStore(root, page_store_key(key), create=False)
    count = 0
    for sha in list(enc.all_hashes()):
        with enc.path(sha).open("rb") as f:
            if f.read(len(MAGIC)) == MAGIC:
                continue
            f.seek(0)
            enc.put_stream(f)  # written beside it, renamed over it when complete
        count += 1
    return count


def cmd_upgrade(args: argparse.Namespace) -> int:
    from clerk.store.migrations_runner import HEAD

    ctx = open_context(args)  # a write open migrates to HEAD (and refuses a cache from a newer program)
    ctx.close()
    print(f"本地缓存已是修订 {HEAD}")
    return 0


def cmd_recover_key(args: argparse.Namespace) -> int:
    import os

    from clerk.context import AppContext
    from clerk.security.keys import recover_key, sqlcipher_key

    passphrase = None
    if args.passphrase_env:
        passphrase = os.environ.get(args.passphrase_env)
        if not passphrase:
            raise CliError(f"环境变量 {args.passphrase_env} 没有设置口令")
    holder: dict[str, bytes] = {}

    def key_for(d: Path) -> str:
        holder["key"] = recover_key(d, args.private_key, passphrase)
        return sqlcipher_key(holder["key"])

    ctx = AppContext.open(args.data_dir, key_for=key_for)  # owns the dir; proves the key opens the cache
    ctx.close()
    print("数据密钥已用恢复私钥找回并放入本机系统钥匙串，本地缓存可以打开了")
    return 0
