# Like cal(1): no FILE and stdin a terminal means nothing to read, not a
# wait for input.  (A pseudo-terminal from python3, as tests/ uses it.)
python3 - <<'PY'
import os, pty, subprocess
m, s = pty.openpty()
try:
    r = subprocess.run(["ev-cal", "--lang", "en", "--month", "2016-12"],
                       stdin=s, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       timeout=20)
except subprocess.TimeoutExpired:
    print("ev-cal waited for the terminal")
else:
    print("status", r.returncode)
    print(r.stdout.decode(), end="")
    print(r.stderr.decode(), end="")
PY
