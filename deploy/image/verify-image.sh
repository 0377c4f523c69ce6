#!/usr/bin/env bash
# Checks a Herald image tar without Docker: unpacks its layers, checks the image config (non-root
# user, data volume, exposed ports, a data directory that is not world-writable), then runs the
# image's entrypoint and command on the unpacked files with the local JDK standing in for the base
# image's, as the image's user, until /ready answers 200, /metrics serves and a first push request
# has the push store written to the data directory; then SIGTERM, which must end it cleanly.
#
#   mvn -B -Pimage -pl herald-cli -am package -DskipTests [-Dimage.base=scratch when no registry is reachable]
#   deploy/image/verify-image.sh [herald-cli/target/herald-image.tar]
set -euo pipefail
tar_file="${1:-herald-cli/target/herald-image.tar}"
java_bin="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}/bin/java"
work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
chmod 755 "$work"
mkdir "$work/image" "$work/rootfs"
tar -xf "$tar_file" -C "$work/image"

# Layers in order, then the config's entrypoint, command, user, environment, volumes and ports.
python3 - "$work" <<'PY'
import json, subprocess, sys
work = sys.argv[1]
manifest = json.load(open(f"{work}/image/manifest.json"))[0]
for layer in manifest["Layers"]:
    subprocess.run(["tar", "--warning=no-unknown-keyword", "-xzf", f"{work}/image/{layer}", "-C", f"{work}/rootfs"], check=True)
config = json.load(open(f"{work}/image/" + manifest["Config"]))["config"]
user = config.get("User", "")
assert user and user.split(":")[0] not in ("0", "root"), f"the image runs as root: User={user!r}"
assert "/var/lib/herald" in config.get("Volumes", {}), "no /var/lib/herald volume"
assert {"6001/tcp", "9601/tcp"} <= set(config.get("ExposedPorts", {})), "ports 6001 and 9601 not exposed"
assert config["Entrypoint"][0] == "java" and config["Cmd"] == ["server"], "unexpected entrypoint or command"
with open(f"{work}/config.env", "w") as out:
    out.write(f"uid={user.split(':')[0]}\ngid={user.split(':')[-1]}\nworkdir={config['WorkingDir']}\n")
    out.write("entrypoint=(" + " ".join(json.dumps(a) for a in config["Entrypoint"][1:]) + ")\n")
    out.write("command=(" + " ".join(json.dumps(a) for a in config["Cmd"]) + ")\n")
    out.write("environment=(" + " ".join(json.dumps(e) for e in config.get("Env", [])) + ")\n")
print(f"image config: user {user}, volume /var/lib/herald, ports 6001 9601, entrypoint {' '.join(config['Entrypoint'])}")
PY
# shellcheck disable=SC1091
source "$work/config.env"

# The image's absolute paths, inside the unpacked root.
rootfs="$work/rootfs"
data_mode=$(stat -c %a "$rootfs/var/lib/herald")
(( (8#$data_mode & 8#002) == 0 )) || { echo "verify-image: /var/lib/herald is world-writable ($data_mode)" >&2; exit 1; }
sed "s#/app/#$rootfs/app/#g; s#:#\n#g" "$rootfs/app/jib-classpath-file" | paste -sd: > "$work/classpath"
args=()
for a in "${entrypoint[@]}"; do args+=("${a/#@\/app\/jib-classpath-file/@$work/classpath}"); done
env_vars=()
for e in "${environment[@]}"; do env_vars+=("${e//=\/var\/lib\/herald/=$rootfs/var/lib/herald}"); done
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
metrics=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')

cd "$rootfs$workdir"
setpriv --reuid "$uid" --regid "$gid" --clear-groups env -i PATH=/usr/bin:/bin "${env_vars[@]}" \
  "$java_bin" "${args[@]}" "${command[@]}" --host 127.0.0.1 --port "$port" --metrics-port "$metrics" \
  > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
  if curl -sf "http://127.0.0.1:$port/ready" > /dev/null; then break; fi
  if ! kill -0 "$server" 2>/dev/null; then cat "$work/server.log"; echo "verify-image: herald exited" >&2; exit 1; fi
  sleep 0.5
done
curl -sf "http://127.0.0.1:$port/ready" > /dev/null || { cat "$work/server.log"; echo "verify-image: not ready" >&2; exit 1; }
# To a file first: grep -q would stop reading early and, through pipefail, fail the pipe on curl's SIGPIPE.
curl -sf "http://127.0.0.1:$metrics/metrics" -o "$work/metrics" && grep -q '^herald_connected' "$work/metrics" \
  || { echo "verify-image: no metrics" >&2; exit 1; }
# The embedded push store is made at the first push request: the web SDK's first one.
curl -sf "http://127.0.0.1:$port/device_api/v1/instances/instance-id/web-vapid-public-key" > /dev/null \
  || { cat "$work/server.log"; echo "verify-image: no VAPID key from the push API" >&2; exit 1; }
store=$(find "$rootfs/var/lib/herald" -type f ! -name README -user "$uid" -print -quit)
[ -n "$store" ] || { echo "verify-image: nothing written to /var/lib/herald as uid $uid" >&2; exit 1; }
owner=$(ps -o user= -p "$server" | tr -d ' ')
kill -TERM "$server"
status=0; wait "$server" || status=$?
server=""
[ "$status" -eq 0 ] || [ "$status" -eq 143 ] || { cat "$work/server.log"; echo "verify-image: exit status $status" >&2; exit 1; }
grep -q 'Herald stopped' "$work/server.log" || { cat "$work/server.log"; echo "verify-image: no graceful stop" >&2; exit 1; }
echo "verify-image: herald started from the image as uid $uid ($owner) gid $gid, /ready 200, /metrics served," \
  "push store written to /var/lib/herald (mode $data_mode), stopped cleanly on SIGTERM"
