#!/usr/bin/env python3
"""Draws the scaling curve (CPU time and peak RSS of `list --by workload` against pods)
as a small SVG by hand, no plotting library: scripts/bench (ONLY=scale) calls it.

Input on stdin: one line per size, "pods cpu-seconds MiB". Output: the SVG on stdout."""
import sys

rows = [tuple(float(x) for x in line.split()) for line in sys.stdin if line.strip()]
W, H, PAD_L, PAD_R, PAD_T, PAD_B = 640, 300, 60, 60, 40, 50
pw, ph = W - PAD_L - PAD_R, H - PAD_T - PAD_B
max_pods = max(r[0] for r in rows)
max_t = max(r[1] for r in rows) * 1.1
max_m = max(r[2] for r in rows) * 1.1


def x(p):
    return PAD_L + pw * p / max_pods


def y(v, top):
    return PAD_T + ph * (1 - v / top)


out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" font-family="sans-serif" font-size="12">',
       f'<rect width="{W}" height="{H}" fill="white"/>',
       f'<text x="{W / 2}" y="20" text-anchor="middle" font-size="14">kubereach list --by workload: CPU time and peak RSS by pods</text>',
       f'<line x1="{PAD_L}" y1="{PAD_T + ph}" x2="{PAD_L + pw}" y2="{PAD_T + ph}" stroke="black"/>',
       f'<line x1="{PAD_L}" y1="{PAD_T}" x2="{PAD_L}" y2="{PAD_T + ph}" stroke="#1f77b4"/>',
       f'<line x1="{PAD_L + pw}" y1="{PAD_T}" x2="{PAD_L + pw}" y2="{PAD_T + ph}" stroke="#d62728"/>']
for i in range(5):
    f = i / 4
    out.append(f'<text x="{PAD_L - 6}" y="{y(max_t * f, max_t) + 4:.1f}" text-anchor="end" fill="#1f77b4">{max_t * f:.0f} s</text>')
    out.append(f'<text x="{PAD_L + pw + 6}" y="{y(max_m * f, max_m) + 4:.1f}" fill="#d62728">{max_m * f:.0f} MiB</text>')
for p, _, _ in rows:
    out.append(f'<text x="{x(p):.1f}" y="{PAD_T + ph + 16}" text-anchor="middle">{p / 1000:.0f}k</text>')
out.append(f'<text x="{PAD_L + pw / 2}" y="{H - 12}" text-anchor="middle">pods</text>')
for col, top, colour, label in ((1, max_t, "#1f77b4", "CPU time"), (2, max_m, "#d62728", "peak RSS")):
    pts = " ".join(f"{x(r[0]):.1f},{y(r[col], top):.1f}" for r in rows)
    out.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2"/>')
    for r in rows:
        out.append(f'<circle cx="{x(r[0]):.1f}" cy="{y(r[col], top):.1f}" r="3" fill="{colour}"/>')
    ly = PAD_T + 10 + (col - 1) * 16
    out.append(f'<line x1="{PAD_L + 10}" y1="{ly}" x2="{PAD_L + 30}" y2="{ly}" stroke="{colour}" stroke-width="2"/>')
    out.append(f'<text x="{PAD_L + 36}" y="{ly + 4}">{label}</text>')
out.append("</svg>")
print("\n".join(out))
