<?php
declare(strict_types=1);

namespace MockTenant;

use PDO;

/**
 * The tenant's whole state in one SQLite file, shared by every worker process.
 *
 * WAL lets readers run while one worker writes; busy_timeout makes a worker
 * wait for the write lock instead of failing; every read-modify-write goes
 * through tx(), which starts with BEGIN IMMEDIATE so two workers can never
 * both read "3 requests in flight" and both insert a 4th.
 * Large bytes (MIME, attachment contents) live as files in blobDir().
 *
 * messages.body is the last column on purpose: SQLite reads a row's columns in
 * order, so any column after a 20 KB body costs a walk of its overflow pages;
 * listing, counting and ordering then stay cheap on a mailbox of big messages.
 */
final class State
{
    public readonly PDO $db;
    private int $txDepth = 0;
    /** @var array<string, mixed>|null every setting, read once per request (a request asks for several) */
    private ?array $settings = null;
    /** @var array<string, \PDOStatement> */
    private array $stmts = [];

    private const SCHEMA = <<<'SQL'
CREATE TABLE IF NOT EXISTS settings (k TEXT PRIMARY KEY, v TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tenants (id TEXT PRIMARY KEY, name TEXT, domains TEXT NOT NULL,
  autoconsent INTEGER NOT NULL DEFAULT 0, default_user TEXT);
CREATE TABLE IF NOT EXISTS apps (client_id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, name TEXT,
  redirect_uris TEXT NOT NULL, public_client INTEGER NOT NULL DEFAULT 0, roles TEXT NOT NULL,
  delegated TEXT NOT NULL, secrets TEXT NOT NULL, certs TEXT NOT NULL, sp_oid TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, upn TEXT NOT NULL,
  name TEXT, mailbox TEXT NOT NULL DEFAULT 'enabled', mailbox_status INTEGER NOT NULL DEFAULT 404,
  tokens_valid_from REAL NOT NULL DEFAULT 0, revoke_code INTEGER NOT NULL DEFAULT 50173);
CREATE UNIQUE INDEX IF NOT EXISTS users_upn ON users(upn COLLATE NOCASE);
CREATE TABLE IF NOT EXISTS shares (owner_id TEXT NOT NULL, grantee_id TEXT NOT NULL, PRIMARY KEY (owner_id, grantee_id));
CREATE TABLE IF NOT EXISTS consents (client_id TEXT NOT NULL, user_id TEXT NOT NULL, scopes TEXT NOT NULL,
  PRIMARY KEY (client_id, user_id));
CREATE TABLE IF NOT EXISTS auth_requests (id TEXT PRIMARY KEY, data TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS codes (hash TEXT PRIMARY KEY, data TEXT NOT NULL, created REAL NOT NULL, redeemed REAL);
CREATE TABLE IF NOT EXISTS refresh_tokens (hash TEXT PRIMARY KEY, client_id TEXT NOT NULL, user_id TEXT NOT NULL,
  tenant_id TEXT NOT NULL, scopes TEXT NOT NULL, issued REAL NOT NULL, last_used REAL NOT NULL, redeemed REAL);
CREATE TABLE IF NOT EXISTS access_tokens (hash TEXT PRIMARY KEY, client_id TEXT NOT NULL, tenant_id TEXT NOT NULL,
  user_id TEXT, kind TEXT NOT NULL, scp TEXT NOT NULL, roles TEXT NOT NULL, iat REAL NOT NULL, exp REAL NOT NULL);
CREATE TABLE IF NOT EXISTS folders (id TEXT PRIMARY KEY, mailbox TEXT NOT NULL, parent_id TEXT, name TEXT NOT NULL,
  well_known TEXT, hidden INTEGER NOT NULL DEFAULT 0, search INTEGER NOT NULL DEFAULT 0, seq INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS folders_parent ON folders(mailbox, parent_id);
CREATE TABLE IF NOT EXISTS messages (immutable_id TEXT PRIMARY KEY, rest_id TEXT NOT NULL UNIQUE,
  mailbox TEXT NOT NULL, folder_id TEXT NOT NULL, received TEXT NOT NULL, received_ts INTEGER NOT NULL,
  sent TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL, subject TEXT NOT NULL,
  from_name TEXT, from_addr TEXT, to_json TEXT NOT NULL, internet_message_id TEXT NOT NULL,
  conversation_id TEXT NOT NULL, is_read INTEGER NOT NULL DEFAULT 0, categories TEXT NOT NULL DEFAULT '[]',
  importance TEXT NOT NULL DEFAULT 'normal', change_key TEXT NOT NULL, body_type TEXT NOT NULL,
  mime_file TEXT NOT NULL, size INTEGER NOT NULL, has_attachments INTEGER NOT NULL, seq INTEGER NOT NULL,
  body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS messages_folder ON messages(mailbox, folder_id, received_ts, seq);
CREATE INDEX IF NOT EXISTS messages_folder_read ON messages(folder_id, is_read);
CREATE UNIQUE INDEX IF NOT EXISTS messages_seq ON messages(seq);
CREATE INDEX IF NOT EXISTS folders_parent_only ON folders(parent_id);
CREATE TABLE IF NOT EXISTS attachments (message_id TEXT NOT NULL, idx INTEGER NOT NULL, akey TEXT NOT NULL,
  kind TEXT NOT NULL, name TEXT, content_type TEXT, size INTEGER NOT NULL, is_inline INTEGER NOT NULL DEFAULT 0,
  content_id TEXT, file TEXT, source_url TEXT, modified TEXT NOT NULL, PRIMARY KEY (message_id, idx));
CREATE TABLE IF NOT EXISTS inflight (id INTEGER PRIMARY KEY AUTOINCREMENT, app TEXT NOT NULL, mailbox TEXT NOT NULL,
  started REAL NOT NULL, pid INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS max_inflight (app TEXT NOT NULL, mailbox TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (app, mailbox));
CREATE TABLE IF NOT EXISTS rate (app TEXT NOT NULL, mailbox TEXT NOT NULL, win INTEGER NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (app, mailbox, win));
CREATE TABLE IF NOT EXISTS requests (seq INTEGER PRIMARY KEY AUTOINCREMENT, parent INTEGER, member_id TEXT,
  ts REAL NOT NULL, method TEXT NOT NULL, target TEXT NOT NULL, status INTEGER NOT NULL, ms REAL NOT NULL,
  request_id TEXT, client_request_id TEXT, prefer TEXT, auth TEXT NOT NULL, token_hash TEXT, token_kind TEXT,
  host TEXT, fault TEXT, grant_type TEXT, user_agent TEXT, accept_encoding TEXT, token_request TEXT, bytes INTEGER);
CREATE TABLE IF NOT EXISTS faults (id INTEGER PRIMARY KEY AUTOINCREMENT, rule TEXT NOT NULL,
  seen INTEGER NOT NULL DEFAULT 0, fired INTEGER NOT NULL DEFAULT 0);
SQL;

    /** Tables that hold tenant content (dropped by reset/seed); the request log and faults are separate. */
    public const CONTENT_TABLES = ['tenants', 'apps', 'users', 'shares', 'consents', 'auth_requests', 'sessions',
        'codes', 'refresh_tokens', 'access_tokens', 'folders', 'messages', 'attachments', 'inflight', 'max_inflight', 'rate'];

    public function __construct(public readonly string $path)
    {
        // Persistent: a php -S worker keeps its connection from one request to the next, so the
        // schema is not parsed again and the page cache stays warm (a fresh connection per request
        // was a third of a small request's cost).
        $this->db = new PDO('sqlite:' . $path, null, null, [
            PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
            PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
            PDO::ATTR_TIMEOUT => 10,
            PDO::ATTR_PERSISTENT => true,
        ]);
        try {
            // A request that died inside tx() (fatal error, exit) left its transaction open on this connection.
            $this->db->exec('ROLLBACK');
        } catch (\PDOException) {
            // none was open: the usual case
        }
        $this->db->exec('PRAGMA busy_timeout = 10000');
        $this->db->exec('PRAGMA journal_mode = WAL');
        // No fsync at all: a mock's state need not survive a power cut, and a checkpoint's fsync of a
        // 150 MB mailbox put tens of milliseconds of jitter into whichever request happened to run it.
        $this->db->exec('PRAGMA synchronous = OFF');
        $this->db->exec('PRAGMA foreign_keys = OFF');
        if ($this->db->query("SELECT 1 FROM sqlite_master WHERE name = 'max_inflight'")->fetchColumn() === false) {
            $this->tx(fn () => $this->db->exec(self::SCHEMA));
        }
    }

    public static function fromEnv(): self
    {
        $path = getenv('MOCK_TENANT_STATE');
        if ($path === false || $path === '') {
            $path = sys_get_temp_dir() . '/mock-tenant-state.sqlite';
        }
        return new self($path);
    }

    /** Directory for MIME and attachment files that belong to this state file. */
    public function blobDir(): string
    {
        $dir = $this->path . '.blobs';
        if (!is_dir($dir)) {
            @mkdir($dir, 0700, true);
        }
        return $dir;
    }

    /**
     * Run $fn inside BEGIN IMMEDIATE ... COMMIT (rolled back on any throwable).
     * Nested calls join the outer transaction.
     * @template T
     * @param callable(): T $fn
     * @return T
     */
    public function tx(callable $fn): mixed
    {
        if ($this->txDepth > 0) {      // PDO does not see a transaction begun by exec(), so count our own
            return $fn();
        }
        $this->db->exec('BEGIN IMMEDIATE');
        $this->txDepth++;
        try {
            $result = $fn();
            $this->db->exec('COMMIT');
            return $result;
        } catch (\Throwable $e) {
            $this->db->exec('ROLLBACK');
            throw $e;
        } finally {
            $this->txDepth--;
        }
    }

    /**
     * Run $fn inside a deferred (read) transaction: its queries see one snapshot of the
     * state, as the single query they replace did, without taking the write lock.
     * @template T
     * @param callable(): T $fn
     * @return T
     */
    public function snapshot(callable $fn): mixed
    {
        if ($this->txDepth > 0) {
            return $fn();
        }
        $this->db->exec('BEGIN');
        $this->txDepth++;
        try {
            return $fn();
        } finally {
            $this->txDepth--;
            $this->db->exec('COMMIT');
        }
    }

    /**
     * Prepared once per SQL text: a $batch asks the same few questions 20 times, and parsing
     * them was a tenth of its cost. Callers reset a statement (closeCursor) when they stop
     * reading early, so that no statement keeps a read snapshot open.
     */
    private function prepare(string $sql): \PDOStatement
    {
        return $this->stmts[$sql] ??= $this->db->prepare($sql);
    }

    /** @param array<int|string, mixed> $params */
    public function all(string $sql, array $params = []): array
    {
        $st = $this->prepare($sql);
        $st->execute($params);
        return $st->fetchAll();
    }

    /** @param array<int|string, mixed> $params */
    public function one(string $sql, array $params = []): ?array
    {
        $st = $this->prepare($sql);
        $st->execute($params);
        $row = $st->fetch();
        $st->closeCursor();
        return $row === false ? null : $row;
    }

    /** @param array<int|string, mixed> $params */
    public function value(string $sql, array $params = []): mixed
    {
        $st = $this->prepare($sql);
        $st->execute($params);
        $v = $st->fetchColumn();
        $st->closeCursor();
        return $v === false ? null : $v;
    }

    /** @param array<int|string, mixed> $params */
    public function exec(string $sql, array $params = []): int
    {
        $st = $this->prepare($sql);
        $st->execute($params);
        $n = $st->rowCount();
        $st->closeCursor();
        return $n;
    }

    /** @param array<string, mixed> $row */
    public function insert(string $table, array $row): void
    {
        $cols = array_keys($row);
        $sql = sprintf('INSERT INTO %s (%s) VALUES (%s)', $table, implode(',', $cols),
            implode(',', array_map(fn ($c) => ':' . $c, $cols)));
        $st = $this->prepare($sql);
        foreach ($row as $k => $v) {
            $st->bindValue(':' . $k, is_bool($v) ? (int) $v : $v);
        }
        $st->execute();
        $st->closeCursor();
    }

    public function setting(string $key, mixed $default = null): mixed
    {
        if ($this->settings === null) {
            $this->settings = [];
            foreach ($this->all('SELECT k, v FROM settings') as $row) {
                $this->settings[$row['k']] = json_decode((string) $row['v'], true);
            }
        }
        return $this->settings[$key] ?? $default;
    }

    public function setSetting(string $key, mixed $value): void
    {
        $this->settings = null;
        if ($value === null) {
            $this->exec('DELETE FROM settings WHERE k = ?', [$key]);
            return;
        }
        $this->exec('INSERT INTO settings (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v',
            [$key, json_encode($value, JSON_UNESCAPED_SLASHES)]);
    }

    /** Drop all tenant content and settings (not the request log, unless $everything). */
    public function wipe(bool $everything): void
    {
        $this->tx(function () use ($everything): void {
            foreach (self::CONTENT_TABLES as $t) {
                $this->db->exec("DELETE FROM $t");
            }
            $this->db->exec('DELETE FROM settings');
            $this->settings = null;
            if ($everything) {
                $this->db->exec('DELETE FROM requests');
                $this->db->exec('DELETE FROM faults');
            }
        });
    }
}
