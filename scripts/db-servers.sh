#!/usr/bin/env bash
# Throwaway PostgreSQL and MariaDB servers for PdoStore's tests, on unix
# sockets only (no TCP listener), in data directories under DIR:
#   bash scripts/db-servers.sh start DIR [pgsql] [mysql]   (default: both)
#       initialises and starts them, waits until they answer (60 s at most),
#       creates the database sqzgraph_test and the user sqzgraph with a random
#       password on each, and prints the lines to eval:
#         export SQZ_PGSQL_DSN='pgsql:host=DIR/pg;dbname=sqzgraph_test'
#         export SQZ_PGSQL_USER=… SQZ_PGSQL_PASSWORD=…
#         export SQZ_MYSQL_DSN='mysql:unix_socket=DIR/mysql/mysqld.sock;dbname=sqzgraph_test'
#         export SQZ_MYSQL_USER=… SQZ_MYSQL_PASSWORD=…
#       On failure: the servers' log tails on stderr, nothing left running,
#       DIR removed, exit status 1.
#   bash scripts/db-servers.sh stop DIR
#       stops both (fast shutdown), waits for their processes to exit and
#       removes DIR.
# The servers are Debian's packages (scripts/setup.sh installs them:
# postgresql, mariadb-server), never their system services. As root,
# PostgreSQL runs as user postgres and MariaDB as user mysql (neither runs as
# root); otherwise both run as the calling user.
set -uo pipefail

usage() { echo "usage: $0 start DIR [pgsql] [mysql] | stop DIR" >&2; exit 2; }
[ $# -ge 2 ] || usage
action=$1 dir=$2
shift 2
case "$dir" in /*) ;; *) dir=$(pwd)/$dir ;; esac
dir=${dir%/}

say() { echo "db-servers: $*" >&2; }

# PostgreSQL's programs: the newest major version installed.
pg_bindir() {
	local v
	v=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n1)
	[ -n "$v" ] && [ -x "/usr/lib/postgresql/$v/bin/initdb" ] && echo "/usr/lib/postgresql/$v/bin"
}

# as_user <user> <command...>: the command as that user when root, else as is.
as_user() {
	local user=$1
	shift
	if [ "$(id -u)" = 0 ]; then
		runuser -u "$user" -- "$@"
	else
		"$@"
	fi
}

random_password() { head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'; }

# alive <pid>: the process exists and is no zombie.
alive() {
	[ -n "$1" ] && [ -e "/proc/$1" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$1/status" 2>/dev/null
}

# wait_gone <pid> <seconds>: 0 once the process has exited.
wait_gone() {
	local pid=$1 i
	for ((i = 0; i < $2 * 20; i++)); do
		alive "$pid" || return 0
		sleep 0.05
	done
	! alive "$pid"
}

stop_pgsql() {
	local data=$dir/pg/data pid bindir
	[ -f "$data/postmaster.pid" ] || return 0
	pid=$(head -n1 "$data/postmaster.pid" 2>/dev/null)
	alive "$pid" || return 0
	bindir=$(cat "$dir/pg/bindir" 2>/dev/null || pg_bindir)
	# fast: rolls back open sessions, no waiting for clients.
	as_user postgres "$bindir/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1
	if ! wait_gone "$pid" 5; then
		say "PostgreSQL ($pid) did not stop: killing it"
		kill -KILL "$pid" 2>/dev/null
		wait_gone "$pid" 5
	fi
}

stop_mysql() {
	local pid
	pid=$(cat "$dir/mysql/mysqld.pid" 2>/dev/null)
	alive "$pid" || return 0
	kill -TERM "$pid" 2>/dev/null
	if ! wait_gone "$pid" 30; then
		say "MariaDB ($pid) did not stop: killing it"
		kill -KILL "$pid" 2>/dev/null
		wait_gone "$pid" 5
	fi
}

stop_all() {
	[ -d "$dir" ] || return 0
	stop_pgsql & # both at once
	stop_mysql
	wait
	rm -rf "$dir"
}

# fail <message> <logs...>: in start_pgsql / start_mysql (each a subshell of
# start): the reason and the logs' last lines; start then stops everything.
fail() {
	say "$1"
	shift
	local log
	for log in "$@"; do
		if [ -s "$log" ]; then
			say "--- last lines of $log:"
			tail -n 25 "$log" >&2
		fi
	done
	exit 1
}

start_pgsql() {
	local bindir super password data=$dir/pg/data sock=$dir/pg
	bindir=$(pg_bindir) || fail "PostgreSQL is not installed (/usr/lib/postgresql/*/bin/initdb); run scripts/setup.sh as root"
	mkdir -p "$sock"
	echo "$bindir" >"$sock/bindir"
	super=$(id -un)
	if [ "$(id -u)" = 0 ]; then
		super=postgres
		chown postgres: "$sock"
	fi
	chmod 700 "$sock"
	# No fsync while initialising (a throwaway cluster); the server itself
	# keeps fsync on, as in production.
	as_user postgres "$bindir/initdb" -D "$data" -U "$super" -E UTF8 --locale=C --no-sync --no-instructions \
		--auth-local=peer --auth-host=reject >"$sock/initdb.log" 2>&1 ||
		fail "PostgreSQL: initdb failed" "$sock/initdb.log"
	# The superuser by peer authentication (this script), everyone else by
	# password (SCRAM), on the unix socket only.
	cat >"$data/pg_hba.conf" <<-EOF
		local all $super peer
		local all all scram-sha-256
	EOF
	cat >>"$data/postgresql.conf" <<-EOF
		# scripts/db-servers.sh: unix socket only, in $sock
		listen_addresses = ''
		unix_socket_directories = '$sock'
		unix_socket_permissions = 0777
		password_encryption = 'scram-sha-256'
		max_connections = 50
		shared_buffers = 16MB
	EOF
	# pg_ctl -w returns once the server accepts connections (or failed).
	as_user postgres "$bindir/pg_ctl" -D "$data" -l "$sock/server.log" -w -t 60 start >/dev/null 2>&1 ||
		fail "PostgreSQL did not start" "$sock/server.log"
	password=$(random_password)
	as_user postgres "$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$sock" -U "$super" -d postgres \
		-c "CREATE ROLE sqzgraph LOGIN PASSWORD '$password'" \
		-c "CREATE DATABASE sqzgraph_test OWNER sqzgraph" >"$sock/setup.log" 2>&1 ||
		fail "PostgreSQL: creating the database and user failed" "$sock/setup.log" "$sock/server.log"
	printf "export SQZ_PGSQL_DSN='pgsql:host=%s;dbname=sqzgraph_test'\n" "$sock" >"$dir/pgsql.env"
	printf "export SQZ_PGSQL_USER='sqzgraph'\nexport SQZ_PGSQL_PASSWORD='%s'\n" "$password" >>"$dir/pgsql.env"
}

start_mysql() {
	local my=$dir/mysql password user_args=() admin=root pid i
	command -v mariadbd >/dev/null 2>&1 && command -v mariadb-install-db >/dev/null 2>&1 ||
		fail "MariaDB is not installed (mariadbd, mariadb-install-db); run scripts/setup.sh as root"
	mkdir -p "$my/tmp"
	if [ "$(id -u)" = 0 ]; then
		chown -R mysql: "$my"
		user_args=(--user=mysql)
	else
		# an administrator account of the caller's name (unix_socket
		# authentication: only this OS user gets in)
		admin=$(id -un)
		user_args=(--auth-root-socket-user="$admin")
	fi
	chmod 700 "$my"
	: >"$my/error.log"
	[ "$(id -u)" = 0 ] && chown mysql: "$my/error.log"
	mariadb-install-db --no-defaults --datadir="$my/data" "${user_args[@]}" \
		--auth-root-authentication-method=socket --skip-test-db --skip-name-resolve \
		--tmpdir="$my/tmp" --innodb-log-file-size=8M --innodb-buffer-pool-size=32M >"$my/install.log" 2>&1 ||
		fail "MariaDB: mariadb-install-db failed" "$my/install.log"
	# PdoStore takes values up to 16 MiB; a MySQL packet holds one escaped
	# or binary statement carrying such a value: 64 MiB.
	[ "$(id -u)" = 0 ] || user_args=()
	mariadbd --no-defaults --datadir="$my/data" "${user_args[@]}" \
		--socket="$my/mysqld.sock" --pid-file="$my/mysqld.pid" --skip-networking \
		--log-error="$my/error.log" --tmpdir="$my/tmp" --skip-name-resolve \
		--max-allowed-packet=64M --innodb-log-file-size=8M --innodb-buffer-pool-size=32M \
		--character-set-server=utf8mb4 --collation-server=utf8mb4_bin \
		</dev/null >>"$my/error.log" 2>&1 &
	pid=$!
	for ((i = 0; i < 600; i++)); do
		if mariadb-admin --no-defaults --socket="$my/mysqld.sock" -u"$admin" --connect-timeout=2 ping >/dev/null 2>&1; then
			break
		fi
		alive "$pid" || fail "MariaDB exited while starting" "$my/error.log"
		sleep 0.1
	done
	[ "$i" -lt 600 ] || fail "MariaDB did not answer within 60 s" "$my/error.log"
	password=$(random_password)
	mariadb --no-defaults --socket="$my/mysqld.sock" -u"$admin" -e "
		CREATE DATABASE sqzgraph_test;
		CREATE USER 'sqzgraph'@'localhost' IDENTIFIED BY '$password';
		GRANT ALL PRIVILEGES ON sqzgraph_test.* TO 'sqzgraph'@'localhost';" >>"$my/error.log" 2>&1 ||
		fail "MariaDB: creating the database and user failed" "$my/error.log"
	printf "export SQZ_MYSQL_DSN='mysql:unix_socket=%s;dbname=sqzgraph_test'\n" "$my/mysqld.sock" >"$dir/mysql.env"
	printf "export SQZ_MYSQL_USER='sqzgraph'\nexport SQZ_MYSQL_PASSWORD='%s'\n" "$password" >>"$dir/mysql.env"
}

case "$action" in
start)
	want_pgsql=0 want_mysql=0
	[ $# = 0 ] && set -- pgsql mysql
	for s in "$@"; do
		case "$s" in
		pgsql) want_pgsql=1 ;;
		mysql) want_mysql=1 ;;
		*) usage ;;
		esac
	done
	if [ -e "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ]; then
		say "$dir is not empty"
		exit 1
	fi
	# A unix socket's path has 107 bytes at most: DIR/mysql/mysqld.sock.
	if [ $((${#dir} + 18)) -gt 107 ]; then
		say "$dir is too long for the servers' unix sockets (at most 89 bytes)"
		exit 1
	fi
	mkdir -p "$dir" || exit 1
	# The servers' users reach their folders inside it; nobody lists it.
	chmod 711 "$dir"
	# Both at once (each is a few seconds alone); a failing one stops both.
	pids=()
	[ "$want_pgsql" = 1 ] && { start_pgsql & pids+=($!); }
	[ "$want_mysql" = 1 ] && { start_mysql & pids+=($!); }
	ok=1
	for p in "${pids[@]}"; do wait "$p" || ok=0; done
	[ "$ok" = 1 ] || { stop_all; exit 1; }
	cat "$dir"/*.env
	rm -f "$dir"/*.env
	;;
stop)
	[ $# = 0 ] || usage
	stop_all
	;;
*) usage ;;
esac
