#!/usr/bin/env python3
"""Independent PyTorch reference for CamLab's explainers on TorchScript models.

Builds two small CNNs in PyTorch (one with a GAP + Linear head, one with a fully connected head),
exports each as features.pt / head.pt with torch.jit.trace in eval mode, saves an input batch x.npy,
and computes CAM, Grad-CAM, Grad-CAM++ and counterfactual Grad-CAM with PyTorch's own autograd,
exactly as CamLab documents them:

  CAM             M_c = sum_k W[c,k] A_k                       (Linear bias ignored, no ReLU)
  Grad-CAM        a_k = mean_ij dy_c/dA_k(i,j);  ReLU(sum_k a_k A_k)
  counterfactual  a_k = mean_ij -dy_c/dA_k(i,j); ReLU(sum_k a_k A_k)
  Grad-CAM++      g = dy_c/dA; alpha = g^2 / (2 g^2 + sum_ab A_k(a,b) g^3) (0 where the denominator is 0);
                  w_k = sum_ij alpha ReLU(g);  ReLU(sum_k w_k A_k)

with y_c the logit of the top-1 class (ref-<method>.npy) and of the classes in classes.txt
(ref-<method>-classes.npy). Used two ways:
  * `python3 tools/torchscript_reference.py OUT_DIR` writes the fixtures the JUnit cross-check reads
    (lib/src/test/resources/torchscript);
  * `python3 tools/torchscript_reference.py OUT_DIR --check` also runs `./camlab explain` on them and
    compares the maps (relative error = max|ours - torch| / max|torch|, must be below 1e-4).
Needs PyTorch (Debian: apt-get install python3-torch) and NumPy; not needed to build or test CamLab.
"""
import os
import subprocess
import sys

import numpy as np
import torch
import torch.nn as nn

METHODS = ["cam", "gradcam", "gradcam++", "counterfactual"]


def gap_model():
    features = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(),
                             nn.Conv2d(8, 16, 3, padding=1, stride=2), nn.ReLU())
    head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(16, 5))
    return features, head


def fc_model():
    features = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Conv2d(8, 12, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
    head = nn.Sequential(nn.Flatten(), nn.Linear(12 * 8 * 8, 32), nn.ReLU(), nn.Linear(32, 5))
    return features, head


def maps(features, head, x, method, classes=None):
    with torch.no_grad():
        a = features(x)
    a = a.detach().requires_grad_(True)
    logits = head(a)
    if classes is None:
        classes = logits.argmax(1)
    if method == "cam":
        w = [m for m in head.modules() if isinstance(m, nn.Linear)][-1].weight
        out = torch.einsum("bk,bkhw->bhw", w[classes], a)
        return out.detach().numpy(), classes
    score = logits.gather(1, classes.view(-1, 1)).sum()
    (g,) = torch.autograd.grad(score, a)
    if method == "gradcam":
        alpha = g.mean(dim=(2, 3))
    elif method == "counterfactual":
        alpha = (-g).mean(dim=(2, 3))
    else:
        g2, g3 = g * g, g * g * g
        denominator = 2 * g2 + a.sum(dim=(2, 3), keepdim=True) * g3
        safe = torch.where(denominator != 0, denominator, torch.ones_like(denominator))
        alpha_ij = torch.where(denominator != 0, g2 / safe, torch.zeros_like(g2))
        alpha = (alpha_ij * torch.relu(g)).sum(dim=(2, 3))
    out = torch.relu(torch.einsum("bk,bkhw->bhw", alpha, a))
    return out.detach().numpy(), classes


def export(name, factory, out_dir, seed):
    torch.manual_seed(seed)
    features, head = factory()
    d = os.path.join(out_dir, name)
    os.makedirs(d, exist_ok=True)
    for m in list(features.modules()) + list(head.modules()):
        if isinstance(m, nn.BatchNorm2d):  # non-trivial running statistics, so eval mode matters
            m.running_mean.uniform_(-0.2, 0.2)
            m.running_var.uniform_(0.5, 1.5)
    features.eval()
    head.eval()
    x = torch.rand(4, 3, 32, 32)
    with torch.no_grad():
        a = features(x)
    torch.jit.trace(features, x).save(os.path.join(d, "features.pt"))
    torch.jit.trace(head, a).save(os.path.join(d, "head.pt"))
    np.save(os.path.join(d, "x.npy"), x.numpy().astype(np.float32))
    classes = torch.tensor([4, 0, 2, 1])
    with open(os.path.join(d, "classes.txt"), "w") as f:
        f.write(",".join(str(int(c)) for c in classes) + "\n")
    for method in METHODS:
        if method == "cam" and name != "gap":
            continue
        top1, _ = maps(features, head, x, method)
        given, _ = maps(features, head, x, method, classes)
        np.save(os.path.join(d, f"ref-{method}.npy"), top1.astype(np.float32))
        np.save(os.path.join(d, f"ref-{method}-classes.npy"), given.astype(np.float32))
    return d


def check(d, root):
    worst = 0.0
    classes = open(os.path.join(d, "classes.txt")).read().strip()
    for method in METHODS:
        for suffix, extra in (("", []), ("-classes", ["--class", classes])):
            ref_file = os.path.join(d, f"ref-{method}{suffix}.npy")
            if not os.path.exists(ref_file):
                continue
            out = os.path.join(d, f"ours-{method}{suffix}.npy")
            subprocess.run([os.path.join(root, "camlab"), "explain", "--features", os.path.join(d, "features.pt"),
                            "--head", os.path.join(d, "head.pt"), "--method", method, "--input", os.path.join(d, "x.npy"),
                            "--out", out] + extra, check=True, stdout=subprocess.DEVNULL)
            ours, ref = np.load(out), np.load(ref_file)
            rel = float(np.abs(ours - ref).max() / max(np.abs(ref).max(), 1e-12))
            worst = max(worst, rel)
            print(f"{os.path.basename(d):4s} {method + suffix:26s} relative error {rel:.2e}")
    return worst


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "torchscript-fixtures"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    dirs = [export("gap", gap_model, out_dir, 1), export("fc", fc_model, out_dir, 3)]
    if "--check" in sys.argv:
        worst = max(check(d, root) for d in dirs)
        print(f"worst relative error {worst:.2e}: {'OK' if worst < 1e-4 else 'FAILED'} (limit 1e-4)")
        sys.exit(0 if worst < 1e-4 else 1)


if __name__ == "__main__":
    main()
