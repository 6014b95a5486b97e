"""Hall announcements as sound: a two-tone chime and the Mandarin voice (espeak-ng -v cmn) in one WAV.

    path = render_announcement("请 A012 号到 3 号窗口办理", spoken_text, Path("/tmp/a.wav"))

No audio device is needed to make the file; playing it is the UI's business.
"""

from __future__ import annotations

import array
import math
import shutil
import subprocess
import wave
from pathlib import Path

from clerk.errors import ClerkError

RATE = 22050


class SpeechError(ClerkError, RuntimeError):
    """espeak-ng is missing or failed (message in Chinese)."""


def chime(rate: int = RATE) -> bytes:
    """叮咚: two soft tones (E6 then C6), 16-bit mono PCM."""
    out = array.array("h")
    for freq, dur in ((1318.5, 0.28), (1046.5, 0.45)):
        n = int(rate * dur)
        for i in range(n):
            env = math.exp(-3.5 * i / n) * min(1.0, i / (rate * 0.01))
            out.append(int(0.45 * 32767 * env * math.sin(2 * math.pi * freq * i / rate)))
    out.extend([0] * int(rate * 0.15))
    return out.tobytes()


def synthesize(text: str, path: Path, *, voice: str = "cmn", speed: int = 140, timeout: float = 20.0) -> Path:
    """espeak-ng writes ``text`` spoken in Mandarin to ``path`` (WAV)."""
    exe = shutil.which("espeak-ng")
    if exe is None:
        raise SpeechError("未安装 espeak-ng，无法语音播报（apt install espeak-ng）")
    try:
        proc = subprocess.run([exe, "-v", voice, "-s", str(speed), "-w", str(path), text],
                              capture_output=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SpeechError(f"语音合成失败：{exc}") from None
    if proc.returncode != 0 or not path.exists():
        raise SpeechError(f"语音合成失败：{proc.stderr.decode(errors='replace').strip()[:200]}")
    return path


def _resample(frames: bytes, src: int, dst: int) -> bytes:
    if src == dst:
        return frames
    a = array.array("h")
    a.frombytes(frames)
    n = int(len(a) * dst / src)
    return array.array("h", (a[min(int(i * src / dst), len(a) - 1)] for i in range(n))).tobytes()


def render_announcement(spoken_text: str, path: Path, *, with_chime: bool = True, repeat: int = 1) -> Path:
    """Chime + voice (said ``repeat`` times) into one 16-bit mono WAV at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    voice_path = path.with_suffix(".voice.wav")
    synthesize(spoken_text, voice_path)
    try:
        with wave.open(str(voice_path), "rb") as w:
            if w.getsampwidth() != 2 or w.getnchannels() != 1:
                raise SpeechError("espeak-ng 输出的音频格式无法识别")
            rate = w.getframerate()
            voice = _resample(w.readframes(w.getnframes()), rate, RATE)
    finally:
        voice_path.unlink(missing_ok=True)
    pause = bytes(2 * int(RATE * 0.4))
    body = (chime() if with_chime else b"") + (voice + pause) * max(1, repeat)
    tmp = path.with_suffix(".part")
    with wave.open(str(tmp), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(body)
    tmp.replace(path)
    return path


def levels(path: Path) -> tuple[float, int]:
    """(RMS, peak) of a 16-bit WAV, for checks that a file is not silent."""
    with wave.open(str(path), "rb") as w:
        a = array.array("h")
        a.frombytes(w.readframes(w.getnframes()))
    if not a:
        return 0.0, 0
    return math.sqrt(sum(x * x for x in a) / len(a)), max(abs(x) for x in a)
