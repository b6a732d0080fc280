#!/usr/bin/env bash
# Installs what tests/e2e/admin_flow.phpt needs, only what is missing:
#   Debian packages chromium, chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver),
#   nodejs and npm (skipped when node / npm are already on PATH, e.g. from NodeSource),
#   and playwright-core into tests/e2e/node_modules from the committed package-lock.json.
# Never fails the caller: when something cannot be installed it says so and exits 0;
# the phpt then skips with a message naming what is missing.
set -uo pipefail
cd "$(dirname "$0")"

say() { echo "e2e setup: $*"; }

missing=()
for p in chromium chromium-driver; do
	dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
command -v node >/dev/null 2>&1 || dpkg -s nodejs >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || dpkg -s npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" = 0 ]; then apt=(apt-get); elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then apt=(sudo apt-get); else apt=(); fi
	if [ ${#apt[@]} = 0 ]; then
		say "cannot install ${missing[*]} (not root, no sudo); the browser test will be skipped"
		exit 0
	fi
	say "installing ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	if ! "${apt[@]}" install -y -q --no-install-recommends "${missing[@]}" >/tmp/sqz-e2e-apt.log 2>&1; then
		"${apt[@]}" update -q >>/tmp/sqz-e2e-apt.log 2>&1
		if ! "${apt[@]}" install -y -q --no-install-recommends "${missing[@]}" >>/tmp/sqz-e2e-apt.log 2>&1; then
			tail -n 5 /tmp/sqz-e2e-apt.log
			say "apt-get could not install ${missing[*]} (log: /tmp/sqz-e2e-apt.log); the browser test will be skipped"
			exit 0
		fi
	fi
fi
if [ ! -x /usr/bin/chromium ]; then
	say "/usr/bin/chromium is missing; the browser test will be skipped"
	exit 0
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	say "node or npm is missing; the browser test will be skipped"
	exit 0
fi

if node -e 'require("playwright-core")' >/dev/null 2>&1; then
	say "ready: $(/usr/bin/chromium --version 2>/dev/null | head -n1), node $(node --version), playwright-core $(node -p 'require("playwright-core/package.json").version')"
	exit 0
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -ge 20 ]; then
	# the version pinned in package-lock.json
	npm ci --no-audit --no-fund --loglevel=error >/tmp/sqz-e2e-npm.log 2>&1
else
	# Debian 12's own nodejs is 18; playwright-core 1.62 and later need node 20
	npm install --no-audit --no-fund --no-save --no-package-lock --loglevel=error 'playwright-core@>=1.49 <1.62' \
		>/tmp/sqz-e2e-npm.log 2>&1
fi
if ! node -e 'require("playwright-core")' >/dev/null 2>&1; then
	tail -n 5 /tmp/sqz-e2e-npm.log
	say "npm could not install playwright-core (log: /tmp/sqz-e2e-npm.log); the browser test will be skipped"
	exit 0
fi
say "ready: $(/usr/bin/chromium --version 2>/dev/null | head -n1), node $(node --version), playwright-core $(node -p 'require("playwright-core/package.json").version')"
