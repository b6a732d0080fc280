#!/usr/bin/env bash
# The main job, on a fresh Debian 12 machine (as root) or a dev box:
# build the extension, start the bundled mock Microsoft 365 tenant with a
# sample mailbox, authorize Squeeze through the delegated flow (the
# administrator's browser is simulated), run the connection test, import the
# Inbox into a local folder, and show the report and where the mail went.
#
# The Store (token record, import journal, locks) is a FileStore directory,
# the embedded default. SQZ_DEMO_STORE=pgsql bash scripts/demo.sh runs the
# same demo with a PdoStore instead: a table on a throwaway PostgreSQL server
# that the demo starts (scripts/db-servers.sh: unix socket only) and stops.
# Also: SQZ_DEMO_DIR (the work directory), SQZ_DEMO_LATENCY_MS (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash scripts/build.sh
# No php.ini (-n) but the host's other shared extensions: where sqzgraph is
# also installed (pecl install), the demo runs this build without loading two.
mapfile -t ext < <(php scripts/php-ext-args.php)
ext=(-n "${ext[@]}" -d "extension=$root/modules/sqzgraph.so")
sqzgraph() { php "${ext[@]}" "$root/scripts/sqzgraph" "$@"; }

store=${SQZ_DEMO_STORE:-file}
case "$store" in
file | pgsql) ;;
*)
	echo "SQZ_DEMO_STORE: file (the default, a FileStore directory) or pgsql (a PdoStore on a PostgreSQL the demo starts)" >&2
	exit 64
	;;
esac

work=${SQZ_DEMO_DIR:-$(mktemp -d /tmp/sqzgraph-demo.XXXXXX)}
mkdir -p "$work"
pidfile="$work/mock-tenant.pid"
dbdir=
cleanup() {
	php tests/mock-tenant/ctl.php stop --pid-file "$pidfile" >/dev/null 2>&1 || true
	if [ -n "$dbdir" ]; then bash scripts/db-servers.sh stop "$dbdir" >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Starting the mock Microsoft 365 tenant (sample mailbox: 40 messages)"
base=$(php tests/mock-tenant/ctl.php start --state "$work/tenant.sqlite" --seed sample --pid-file "$pidfile" --latency-ms "${SQZ_DEMO_LATENCY_MS:-5}")
echo "identity platform and Graph at $base (loopback, plain HTTP — allowed only for loopback hosts)"

store_ini="store_dir = store"
if [ "$store" = pgsql ]; then
	step "Starting PostgreSQL (the Store: a table in the deployment's database, shared by its app servers)"
	# beside the work directory, not in it: that one is private and the server runs as user postgres
	dbdir=$(mktemp -u /tmp/sqzgraph-demo-db.XXXXXX)
	db_env=$(bash scripts/db-servers.sh start "$dbdir" pgsql)
	eval "$db_env"
	printf '%s' "$SQZ_PGSQL_PASSWORD" > "$work/db-password.txt"
	chmod 600 "$work/db-password.txt"
	unset SQZ_PGSQL_PASSWORD db_env
	echo "PostgreSQL on the unix socket in $dbdir/pg (no TCP), database sqzgraph_test, user $SQZ_PGSQL_USER"
	# quoted: INI ends a bare value at the first ;
	store_ini="store_dsn = \"$SQZ_PGSQL_DSN\"
store_user = $SQZ_PGSQL_USER
store_password_file = db-password.txt
store_namespace = admin@contoso.example"
fi

cat > "$work/mailbox.ini" <<INI
; What an administrator enters in Squeeze's e-mail importer settings.
[sqzgraph]
flow = delegated
tenant_id = contoso.example
client_id = 3f5a9c2e-8b1d-4e7f-a6c3-1d2e3f4a5b6c
client_secret_file = client-secret.txt
client_secret_expires = 2099-12-31
redirect_uri = http://127.0.0.1:8080/api/v2/importers/email/authenticate/end
authority = $base
graph_endpoint = $base/v1.0
folders[inbox] = Inbox
folders[exported] = Exported
folders[error] = Error
$store_ini
encryption_key_file = store.key

[import]
; Squeeze wants documents: mail without a PDF or an image goes to Error
require_attachments = true
attachment_types = pdf, image/*
max_message_size = 5M
; one crash inside the import of a message sets it aside (default 3)
max_attempts = 1
error_category = Squeeze import
INI
printf '%s' 'Sq~mock-secret-1.Contoso' > "$work/client-secret.txt"
head -c 32 /dev/urandom | base64 > "$work/store.key"
chmod 600 "$work/client-secret.txt" "$work/store.key"
echo "configuration: $work/mailbox.ini"
if [ "$store" = pgsql ]; then
	step "Create the Store's table (once, at installation)"
	sqzgraph store-init --config "$work/mailbox.ini"
fi

step "Authenticate (delegated: authorization code + PKCE)"
url=$(sqzgraph authorize --config "$work/mailbox.ini" --print-url)
echo "the administrator opens: ${url:0:110}..."
redirect=$(php scripts/demo-browser.php "$url" accept admin@contoso.example)
echo "Microsoft redirects back to: ${redirect%%\?*}?code=…&state=…"
# On stdin, not as an argument: the code in it would be in the process list.
printf '%s\n' "$redirect" | sqzgraph authorize --config "$work/mailbox.ini" --redirect -

step "Status"
sqzgraph status --config "$work/mailbox.ini"

step "Mail connection test"
sqzgraph test-connection --config "$work/mailbox.ini"

step "An earlier import job crashed on one message"
# simulated: a process that dies inside the handler of that message, as a
# PDF library crashing on a malformed file would (see scripts/demo-crash.php)
# (the subshell reports the kill to /dev/null instead of the shell's "Killed" line)
(php "${ext[@]}" scripts/demo-crash.php "$work/mailbox.ini" "POISON:" || true) 2>/dev/null

step "Import the Inbox into $work/imported"
set +e
sqzgraph import --config "$work/mailbox.ini" --target "$work/imported"
rc=$?
set -e

step "Where the mail ended up (the mock tenant's view of the mailbox)"
php tests/mock-tenant/ctl.php folders --base "$base" --mailbox admin@contoso.example | php -r '
foreach (json_decode(stream_get_contents(STDIN), true)["folders"] as $f) {
    if (!in_array($f["path"] ?? $f["name"], ["Inbox", "Exported", "Error"])) continue;
    printf("  %-9s %3d messages\n", $f["name"], count($f["messages"]));
    if ($f["name"] === "Error") foreach ($f["messages"] as $m) printf("            %-45s %s\n", $m["subject"], implode(", ", $m["categories"] ?? []));
}'
echo
echo "imported messages: $(find "$work/imported" -name message.eml | wc -l) directories under $work/imported"
first=$(find "$work/imported" -mindepth 1 -maxdepth 1 -type d ! -name '.*' | sort | head -n 1)
echo "one of them, $(basename "$first"):"
ls -l "$first" | tail -n +2 | sed 's/^/  /'
echo "its meta.json:"
sed 's/^/  /' "$first/meta.json"
echo "refresh-tokens job (cron */50):"
sqzgraph refresh-tokens --config "$work/mailbox.ini" || true
if [ "$store" = pgsql ]; then
	echo "the Store's rows in PostgreSQL (values sealed with store.key; sizes only):"
	SQZ_DEMO_DB_PASSWORD_FILE="$work/db-password.txt" php -r '
$pdo = new PDO(getenv("SQZ_PGSQL_DSN"), getenv("SQZ_PGSQL_USER"), file_get_contents(getenv("SQZ_DEMO_DB_PASSWORD_FILE")));
foreach ($pdo->query("SELECT convert_from(ns, '\''UTF8'\'') AS ns, convert_from(k, '\''UTF8'\'') AS k, length(v) AS n FROM sqzgraph_store ORDER BY ns, k") as $r) {
    printf("  %-24s %-18s %6d bytes\n", $r["ns"], $r["k"], $r["n"]);
}'
fi
exit $rc
