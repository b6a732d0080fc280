<?php

/**
 * IDE and static-analysis stub of the sqzgraph PHP extension (namespace
 * SqzGraph): every class, interface, method and property that the
 * extension registers, with its native types, plus in PHPDoc what the
 * types alone cannot say: the shapes of the options arrays and of the
 * results, the callables' signatures and the exceptions each method throws.
 * The extension registers no functions, constants or ini entries.
 *
 * This file is NOT loaded by PHP and must never be included or autoloaded
 * where the extension is loaded ("Cannot declare class"); the method bodies
 * are empty. tests/Stubs/ide_stub_001.phpt checks it against the loaded
 * module. pecl installs it as documentation:
 *   $(pear config-get doc_dir)/sqzgraph/stubs/sqzgraph.php
 *
 * PhpStorm: Settings | PHP | Include Path, add the folder holding this file
 *   (or copy it anywhere into the project, outside the excluded folders).
 * PHPStan (phpstan.neon): the classes without the extension, the shapes
 *   with it (stubFiles only overrides PHPDoc of known symbols):
 *     parameters:
 *       scanFiles: [/path/to/sqzgraph.php]
 *       stubFiles: [/path/to/sqzgraph.php]
 * Psalm (psalm.xml): <stubs><file name="/path/to/sqzgraph.php"/></stubs>
 *
 * Conventions: every instant is an int of seconds since the Unix epoch (UTC);
 * option arrays use snake_case keys and an unknown key is an error. Objects
 * marked "not cloneable" throw \Error on clone; sqzgraph objects other than
 * the exceptions refuse serialize(). A method called on an object made
 * without its constructor (reflection) throws \Error; that is not repeated
 * below.
 */

namespace SqzGraph {

    /**
     * Implemented by every exception that sqzgraph throws, so that
     * `catch (\SqzGraph\Exception $e)` catches them all.
     */
    interface Exception extends \Throwable {}

    /**
     * An option given to Config (or to the CLI's INI file, or a field of the
     * record given to Authenticator::importToken()) is missing, unknown or
     * invalid. The message says what is expected and what was given, never
     * a secret's value.
     */
    final class ConfigException extends \InvalidArgumentException implements Exception
    {
        private ?string $key = null;

        /** The option concerned, e.g. "redirect_uri"; null when the error is not about one option. */
        public function key(): ?string {}
    }

    /**
     * The Store could not read, write, lock or open a record (I/O, a corrupt
     * record, a wrong encryption key, a lock wait that timed out, a download
     * target that cannot be written). A userland Store's own exception is its
     * getPrevious(), without the arguments in its trace.
     */
    final class StoreException extends \RuntimeException implements Exception
    {
        private ?string $key = null;

        /** The store key concerned (shown safely), when the failure concerns one record. */
        public function key(): ?string {}
    }

    /** Network, DNS, TLS or timeout failure: no usable HTTP response arrived. Transient. */
    final class TransportException extends \RuntimeException implements Exception
    {
        private int $curlCode = 0;

        /** libcurl's CURLcode, e.g. 7 (cannot connect), 28 (timeout), 60 (certificate problem). */
        public function curlCode(): int {}
    }

    /**
     * Microsoft Graph (or the token endpoint, for a transient answer such as
     * HTTP 5xx) answered with an error.
     */
    class GraphException extends \RuntimeException implements Exception
    {
        private int $statusCode = 0;
        private ?string $graphCode = null;
        private ?string $requestId = null;

        /** The HTTP status, 0 when the failure is not tied to one response. */
        final public function statusCode(): int {}

        /** Graph's error.code, e.g. "ErrorItemNotFound", "MailboxNotEnabledForRESTAPI"; null when there was none. */
        final public function graphCode(): ?string {}

        /** Graph's request-id, to quote to Microsoft support. */
        final public function requestId(): ?string {}
    }

    /** Graph throttled the request (HTTP 429) beyond what sqzgraph may wait (max_retries, max_retry_wait). */
    final class ThrottledException extends GraphException
    {
        private float $retryAfter = 0.0;

        /** Seconds Graph asked to wait (Retry-After), 0.0 when it said nothing. */
        public function retryAfter(): float {}
    }

    /** The identity platform refused an authorization or a token request (e.g. a wrong secret, an unregistered redirect URI). */
    class AuthorizationException extends \RuntimeException implements Exception
    {
        private ?string $error = null;
        private ?string $errorCode = null;
        private ?string $description = null;

        /** The OAuth error, e.g. "invalid_client", "access_denied", "invalid_grant". */
        final public function error(): ?string {}

        /** Microsoft's error code, e.g. "AADSTS50011". */
        final public function errorCode(): ?string {}

        /** Microsoft's error_description, without its trace and correlation lines. */
        final public function description(): ?string {}
    }

    /**
     * The grant is gone or no longer matches the configuration: an
     * administrator must authenticate again (Authenticator::beginAuthorization()).
     */
    final class ReauthenticationRequiredException extends AuthorizationException
    {
        private string $reason = 'not_authorized';

        /**
         * Why: "not_authorized", "configuration_changed", "invalid_grant",
         * "interaction_required", "consent_required", "no_refresh_token",
         * "refresh_token_expired", ...
         */
        public function reason(): string {}
    }

    /** A configured folder name or path matches no folder of the mailbox. */
    final class FolderNotFoundException extends \RuntimeException implements Exception
    {
        /** @var list<string> */
        private array $closest = [];

        /**
         * The paths of the folders whose names come closest (may be empty).
         * @return list<string>
         */
        public function closest(): array {}
    }

    /** A configured folder name matches several folders; configure one of the listed paths instead. */
    final class AmbiguousFolderException extends \RuntimeException implements Exception
    {
        /** @var list<string> */
        private array $candidates = [];

        /**
         * The full path of every matching folder.
         * @return list<string>
         */
        public function candidates(): array {}
    }

    /**
     * Thrown by an Importer handler: leave this message in the Inbox and try
     * it again in the next run (outcome "deferred"). Constructible from PHP.
     */
    class RetryLaterException extends \RuntimeException implements Exception {}
}

namespace SqzGraph {

    /**
     * Durable bytes plus locks: token records, pending authorizations and the
     * import journal, each under a string key (any bytes). FileStore is the
     * embedded implementation; a deployment may implement it on its own
     * database. Whatever an implementation throws reaches the caller of
     * sqzgraph as a StoreException whose getPrevious() is the original (a
     * SqzGraph\Exception passes unchanged). Implementations should mark
     * put()'s $value #[\SensitiveParameter] too: it holds tokens.
     */
    interface Store
    {
        /** The value stored under $key, or null when there is none. */
        public function get(string $key): ?string;

        /** Stores $value under $key; durable when it returns. */
        public function put(string $key, #[\SensitiveParameter] string $value): void;

        /** Removes the record; a missing record is not an error. */
        public function delete(string $key): void;

        /**
         * Takes the exclusive lock named $key (across processes), waiting at
         * most $timeoutSeconds (INF: indefinitely); false when it timed out.
         */
        public function lock(string $key, float $timeoutSeconds): bool;

        /** Releases a lock taken by lock(). */
        public function unlock(string $key): void;
    }

    /**
     * The validated options of one mailbox connection. Immutable;
     * var_dump()/print_r()/var_export() show toArray(), which hides every
     * secret. Not cloneable.
     */
    final class Config
    {
        /**
         * Validates the options at once. Required: flow, tenant_id,
         * client_id; client_secret or client_certificate + client_private_key;
         * redirect_uri for "delegated"; mailbox for "client_credentials".
         * http:// endpoints and redirect URIs are accepted for loopback hosts only.
         *
         * - tenant_id: GUID or verified domain; "common"/"organizations"/"consumers" for delegated only.
         * - client_certificate / client_private_key: PEM text or a file path (an RSA key).
         * - client_secret_expires: 'Y-m-d' (UTC) or an int epoch; status() warns from 30 days before.
         * - mailbox: UPN/SMTP address; null/empty in delegated = the signed-in user's own.
         * - scopes: delegated default ['openid', 'profile', 'offline_access', '{graph}/Mail.ReadWrite']
         *   (+ Mail.ReadWrite.Shared with a mailbox); client_credentials always '{graph}/.default'.
         * - folders: names or paths (A/B/C, "\/" for a slash in a name) or well-known names;
         *   defaults Inbox / Exported / Error; the three must differ.
         * - cloud: "global" (default), "usgov", "usgov-dod", "china": sets authority and graph_endpoint.
         * - encryption_key: at least 16 bytes; seals every Store record (AES-256-GCM, HKDF-SHA256).
         * - connect_timeout / timeout (10 / 60), max_retry_wait (120): seconds, > 0 and <= 86400.
         * - max_retries (5), concurrency (4).
         * - logger: either a callable `function (string $level, string $message, array $context)`,
         *   or a PSR-3 style logger object (e.g. a Psr\Log\LoggerInterface: any object that is not
         *   itself callable and has a public `log(mixed $level, string|\Stringable $message, array
         *   $context = [])` method). Called with $level "debug", "info", "warning" or "error", one
         *   line per HTTP request (method, path, status, ms, request_id, client_request_id, retry_after),
         *   one per wait for throttled $batch members (throttled_members, wait_seconds) and one per
         *   imported message; the context values are strings or null and never hold a secret.
         *
         * @param array{
         *     flow: 'delegated'|'client_credentials',
         *     tenant_id: string,
         *     client_id: string,
         *     client_secret?: string|null,
         *     client_certificate?: string|null,
         *     client_private_key?: string|null,
         *     client_secret_expires?: string|int|null,
         *     redirect_uri?: string|null,
         *     mailbox?: string|null,
         *     scopes?: list<string>,
         *     folders?: array{inbox?: string, exported?: string, error?: string},
         *     authority?: string|null,
         *     graph_endpoint?: string|null,
         *     cloud?: 'global'|'usgov'|'usgov-dod'|'china',
         *     encryption_key?: string|null,
         *     ca_file?: string|null,
         *     connect_timeout?: int|float,
         *     timeout?: int|float,
         *     max_retries?: int<0, 20>,
         *     max_retry_wait?: int|float,
         *     concurrency?: int<1, 16>,
         *     logger?: (callable(string, string, array<string, string|null>): mixed)|object|null
         * } $options
         * @throws ConfigException naming the offending option (key())
         */
        public function __construct(#[\SensitiveParameter] array $options) {}

        /**
         * Hex SHA-256 (64 characters) of the options that bind an authorization
         * grant: flow, authority, tenant_id, client_id, redirect_uri, scopes,
         * graph_endpoint, mailbox. Changing one of them requires a new sign-in.
         */
        public function fingerprint(): string {}

        /**
         * Every effective option, defaults applied, in this order; client_secret,
         * client_private_key and encryption_key are '***' when set, null when not.
         *
         * @return array{
         *     flow: 'delegated'|'client_credentials',
         *     tenant_id: string,
         *     client_id: string,
         *     client_secret: '***'|null,
         *     client_certificate: string|null,
         *     client_private_key: '***'|null,
         *     client_secret_expires: int|null,
         *     redirect_uri: string|null,
         *     mailbox: string|null,
         *     scopes: list<string>,
         *     folders: array{inbox: string, exported: string, error: string},
         *     authority: string,
         *     graph_endpoint: string,
         *     cloud: 'global'|'usgov'|'usgov-dod'|'china',
         *     encryption_key: '***'|null,
         *     ca_file: string|null,
         *     connect_timeout: float,
         *     timeout: float,
         *     max_retries: int,
         *     max_retry_wait: float,
         *     concurrency: int,
         *     logger: (callable(string, string, array<string, string|null>): mixed)|object|null
         * }
         */
        public function toArray(): array {}
    }

    /**
     * The embedded Store: one file per record in a private directory (0700,
     * files 0600), atomic durable writes, flock() locks. Locks are re-entrant
     * per FileStore object; unlocking a key not held does nothing.
     * Not cloneable.
     */
    final class FileStore implements Store
    {
        /**
         * Opens $directory, creating it (and its parents) when missing.
         * @throws \ValueError when $directory is empty
         * @throws StoreException when it cannot be created or used (permissions, a file, outside open_basedir)
         */
        public function __construct(string $directory) {}

        /** The store directory as an absolute path. */
        public function directory(): string {}

        /**
         * The value stored under $key, or null when there is none.
         * @throws StoreException when the record cannot be read
         */
        public function get(string $key): ?string {}

        /**
         * Stores $value under $key (temporary file, fsync, rename); durable when it returns.
         * @throws StoreException
         */
        public function put(string $key, #[\SensitiveParameter] string $value): void {}

        /**
         * Removes the record; a missing record is not an error.
         * @throws StoreException
         */
        public function delete(string $key): void {}

        /**
         * Takes the exclusive lock named $key, waiting at most $timeoutSeconds
         * (INF: indefinitely); false when it timed out.
         * @throws \ValueError when $timeoutSeconds is negative or NAN
         * @throws StoreException
         */
        public function lock(string $key, float $timeoutSeconds): bool {}

        /**
         * Releases a lock taken by lock().
         * @throws StoreException
         */
        public function unlock(string $key): void {}
    }

    /**
     * Seals every value written to another Store with AES-256-GCM under a key
     * derived from $encryptionKey (HKDF-SHA256), bound to the record's key:
     * the sealing the Authenticator applies when Config has encryption_key.
     * A plaintext record written before sealing was configured is read as is
     * and sealed by its next put(). Not cloneable.
     */
    final class SealedStore implements Store
    {
        /**
         * @param string $encryptionKey a high-entropy secret, e.g. base64 of 32 random bytes
         * @throws \ValueError when $encryptionKey is empty
         */
        public function __construct(Store $inner, #[\SensitiveParameter] string $encryptionKey) {}

        /**
         * The opened value stored under $key, or null when there is none.
         * @throws StoreException when the record does not open (another key, tampered) or the inner Store fails
         */
        public function get(string $key): ?string {}

        /**
         * Seals $value and stores it in the inner Store.
         * @throws StoreException
         */
        public function put(string $key, #[\SensitiveParameter] string $value): void {}

        /**
         * Removes the record from the inner Store.
         * @throws StoreException
         */
        public function delete(string $key): void {}

        /**
         * The inner Store's lock(); INF waits indefinitely when the inner Store does.
         * @throws \ValueError when $timeoutSeconds is negative or NAN
         * @throws StoreException
         */
        public function lock(string $key, float $timeoutSeconds): bool {}

        /**
         * The inner Store's unlock().
         * @throws StoreException
         */
        public function unlock(string $key): void {}
    }

    /**
     * The Store on the deployment's own database through its PDO: PostgreSQL
     * (pgsql), MariaDB/MySQL (mysql) or SQLite (sqlite). Records are rows
     * (ns, k) -> v of one table; locks are PostgreSQL session advisory locks,
     * GET_LOCK, or (SQLite) OS locks on the file "<database>.sqzgraph-lock",
     * and die with the process holding them. Re-entrant per object;
     * unlocking a key not held does nothing. The PDO's error mode and
     * attributes are the same after every call as before. Not cloneable.
     */
    final class PdoStore implements Store
    {
        /**
         * @param array{table?: string, namespace?: string} $options table: an SQL identifier,
         *        optionally schema.table (default 'sqzgraph_store'); namespace: bytes (at most 255,
         *        default ''), so that several mailboxes share one table
         * @throws \ValueError for an unknown option or an invalid table name
         * @throws StoreException when the PDO's driver is not pgsql, mysql or sqlite
         */
        public function __construct(\PDO $pdo, array $options = []) {}

        /**
         * CREATE TABLE IF NOT EXISTS with the DDL of schema(); idempotent.
         * @throws StoreException (also inside a transaction open on the PDO)
         */
        public function createTable(): void {}

        /**
         * The DDL of the table, for an application's own migrations.
         * @param "pgsql"|"mysql"|"sqlite" $driver
         * @throws \ValueError for another driver or an invalid table name
         */
        public static function schema(string $driver, string $table = "sqzgraph_store"): string {}

        /** @return "pgsql"|"mysql"|"sqlite" */
        public function driver(): string {}

        public function table(): string {}

        public function namespace(): string {}

        /**
         * The value stored under $key, or null when there is none.
         * @throws StoreException naming the table and SQLSTATE (a missing table: run createTable())
         */
        public function get(string $key): ?string {}

        /**
         * One upsert, committed when it returns (at most 16 MiB; keys at most 255 bytes).
         * @throws StoreException also when a transaction is open on the PDO (it is left untouched)
         */
        public function put(string $key, #[\SensitiveParameter] string $value): void {}

        /**
         * Removes the record; a missing record is not an error.
         * @throws StoreException also when a transaction is open on the PDO (it is left untouched)
         */
        public function delete(string $key): void {}

        /**
         * Takes the exclusive lock named $key across processes and hosts, waiting
         * at most $timeoutSeconds (INF: indefinitely); false when it timed out.
         * @throws \ValueError when $timeoutSeconds is negative or NAN
         * @throws StoreException
         */
        public function lock(string $key, float $timeoutSeconds): bool {}

        /**
         * Releases a lock taken by lock().
         * @throws StoreException when the database session no longer held it (a pooler in transaction mode)
         */
        public function unlock(string $key): void {}
    }

    /**
     * The state of a mailbox's authorization, as Authenticator reports it;
     * no token or secret inside. Instants are epoch seconds (UTC).
     */
    final class TokenInfo
    {
        /**
         * Delegated: a usable grant is stored (no reason to sign in again).
         * client_credentials: an unexpired token is stored (else $reason is
         * "not_authorized" or "token_expired"; the next call acquires one).
         */
        public readonly bool $authorized;
        /** Delegated: an administrator must sign in again (see $reason, $errorCode). */
        public readonly bool $needsReauthorization;
        /**
         * Why not authorized, else null: "not_authorized", "configuration_changed",
         * "invalid_grant", "interaction_required", "no_refresh_token",
         * "refresh_token_expired", "token_expired" (client_credentials), ...
         */
        public readonly ?string $reason;
        /** Microsoft's code of the failure that ended the grant, e.g. "AADSTS70008". */
        public readonly ?string $errorCode;
        /** When the access token expires; null without a record for this configuration. */
        public readonly ?int $expiresAt;
        /** When the access token was obtained (the second its request was sent). */
        public readonly ?int $obtainedAt;
        /** The signed-in account (the id_token's preferred_username), delegated only. */
        public readonly ?string $account;
        /** @var list<string> the scopes the token endpoint granted */
        public readonly array $scopes;
        /** @var 'delegated'|'client_credentials' */
        public readonly string $flow;
        /** lastRefreshAt + 90 days: when an idle grant dies; null without a refresh token. */
        public readonly ?int $refreshTokenExpiresAt;
        /** When tokens were last obtained (code redemption or refresh). */
        public readonly ?int $lastRefreshAt;
        /** The last failed token request's message; null after a success. */
        public readonly ?string $lastError;
        /** @var list<string> e.g. that the client secret expires in 12 days */
        public readonly array $warnings;

        /** Made by Authenticator only. */
        private function __construct() {}

        /** $expiresAt as a DateTimeImmutable in UTC (never the php.ini zone); null when unknown. */
        public function expiresAt(): ?\DateTimeImmutable {}
    }

    /**
     * The OAuth side of one configured mailbox: delegated sign-in
     * (authorization code + PKCE), refresh, client credentials. Tokens live
     * in the Store (sealed when Config has an encryption_key); two processes
     * that find a token stale cause one token request (Store lock "token").
     * Not cloneable.
     */
    final class Authenticator
    {
        public function __construct(Config $config, Store $store) {}

        /**
         * Starts a delegated sign-in: redirect the administrator to "url". The
         * state and PKCE verifier are kept in the Store for 10 minutes, single use.
         *
         * @param array{login_hint?: string|null, prompt?: string|null} $options
         *        login_hint defaults to Config's mailbox; prompt is passed to Microsoft
         *        ("login", "consent", "select_account", "none")
         * @return array{url: string, state: string}
         * @throws ConfigException when the flow is client_credentials (nobody signs in)
         * @throws StoreException when the pending authorization cannot be stored
         * @throws \ValueError for an unknown option key or a NUL byte
         * @throws \TypeError for an option that is not a string or null
         */
        public function beginAuthorization(array $options = []): array {}

        /**
         * Completes the sign-in with the redirect's query parameters: redeems
         * the code and stores the tokens under the current fingerprint.
         *
         * @param array<array-key, mixed> $query the redirect's $_GET (state, code or error, error_description)
         * @throws AuthorizationException for an unknown, expired or reused state, an error in the
         *         redirect (e.g. access_denied) or a refused code redemption
         * @throws GraphException when the token endpoint failed transiently (5xx, 429)
         * @throws TransportException when the token endpoint could not be reached
         * @throws StoreException
         * @throws ConfigException when the certificate credential cannot sign the client assertion
         */
        public function completeAuthorization(#[\SensitiveParameter] array $query): TokenInfo {}

        /**
         * A valid access token, refreshed (or, with client_credentials,
         * acquired) on demand under the Store lock when fewer than 300 s remain.
         *
         * @throws ReauthenticationRequiredException when nobody signed in, the configuration
         *         changed (reason "configuration_changed") or the grant died (invalid_grant, ...)
         * @throws AuthorizationException when the token endpoint refused the request otherwise
         * @throws GraphException when the token endpoint failed transiently (ThrottledException for 429)
         * @throws TransportException when the token endpoint could not be reached
         * @throws StoreException including a Store lock wait that timed out (30 s)
         * @throws ConfigException when the certificate credential cannot sign the client assertion
         */
        public function accessToken(): string {}

        /**
         * Refreshes the tokens when stale, or always with $force, and reports
         * the result. A transient failure leaves the stored record as it was.
         *
         * @throws ReauthenticationRequiredException
         * @throws AuthorizationException
         * @throws GraphException (ThrottledException for 429)
         * @throws TransportException
         * @throws StoreException
         * @throws ConfigException when the certificate credential cannot sign the client assertion
         */
        public function refresh(bool $force = false): TokenInfo {}

        /**
         * What the Store says about the authorization; never throws for "not
         * authorized" (see TokenInfo::$needsReauthorization, $reason).
         *
         * @throws StoreException when the record cannot be read
         */
        public function status(): TokenInfo {}

        /**
         * Deletes the token record.
         * @throws StoreException
         */
        public function forget(): void {}

        /**
         * Migrates a legacy token record: "expires" is a zone-less
         * 'Y-m-d H:i:s' written in $timezone (a wall time that is ambiguous or
         * skipped by a DST change resolves to the earliest instant) or an int
         * epoch. Stored under the current fingerprint; other keys are ignored.
         *
         * @param array{access_token: string, refresh_token?: string|null, expires: string|int} $record
         * @param string $timezone a time zone identifier, e.g. "Europe/Berlin"
         * @throws ConfigException naming the missing or invalid field (key())
         * @throws \ValueError when $timezone is not a valid time zone
         * @throws StoreException
         */
        public function importToken(#[\SensitiveParameter] array $record, string $timezone): TokenInfo {}
    }

    /**
     * A mail folder. $path is the display names from the top, "/"-separated,
     * with "\/" for a slash inside a name.
     */
    final class Folder
    {
        /** Graph's (immutable) folder id. */
        public readonly string $id;
        /** The display name. */
        public readonly string $name;
        public readonly string $path;
        /** The parent folder's id (for a top-level folder, the id of the mailbox's root). */
        public readonly ?string $parentId;
        public readonly int $totalCount;
        public readonly int $unreadCount;
        public readonly int $childCount;
        /** Hidden in Outlook: the folder or one above it is hidden (isHidden in Graph). */
        public readonly bool $isHidden;

        /** Made by Mailbox only. */
        private function __construct() {}
    }

    /** One message, as listed (no body); its MIME and attachments are fetched on demand. Not cloneable. */
    final class Message
    {
        /** Graph's immutable id. */
        public readonly string $id;
        public readonly ?string $internetMessageId;
        /** "" when the message has none. */
        public readonly string $subject;
        /** The sender's address. */
        public readonly ?string $from;
        public readonly ?string $fromName;
        /** Epoch seconds (receivedDateTime is UTC). */
        public readonly int $receivedAt;
        public readonly bool $hasAttachments;
        /** Bytes, when Graph reports it. */
        public readonly ?int $size;

        /** Made by Mailbox only. */
        private function __construct() {}

        /**
         * Downloads the message as MIME (.eml), streamed; a file path is written
         * atomically (a temporary file beside it, then renamed).
         *
         * @param string|resource $target a file path or a writable stream
         * @return int the bytes written
         * @throws GraphException e.g. 404 when the message is gone (ThrottledException for 429)
         * @throws TransportException
         * @throws AuthorizationException when no token can be had (ReauthenticationRequiredException)
         * @throws StoreException when the target cannot be written
         * @throws \ValueError when $target is an empty path or holds a NUL byte
         * @throws \TypeError when $target is neither a string nor a stream
         */
        public function saveMime($target): int {}

        /**
         * The message's attachments (metadata; save() fetches the bytes).
         *
         * @return list<Attachment>
         * @throws GraphException (ThrottledException for 429)
         * @throws TransportException
         * @throws AuthorizationException (ReauthenticationRequiredException)
         * @throws StoreException
         */
        public function attachments(): array {}
    }

    /** One attachment of a message. Not cloneable. */
    final class Attachment
    {
        public readonly string $id;
        public readonly string $name;
        public readonly ?string $contentType;
        /** Bytes, as Graph reports it. */
        public readonly int $size;
        public readonly bool $isInline;
        /** @var 'file'|'item'|'reference' */
        public readonly string $kind;

        /** Made by Message::attachments() / Mailbox::attachments() only. */
        private function __construct() {}

        /**
         * Downloads the attachment, streamed: a file attachment's bytes, an
         * item attachment (an attached message) as MIME.
         *
         * @param string|resource $target a file path or a writable stream
         * @return int the bytes written
         * @throws GraphException for a reference attachment (a link: no bytes; status 405,
         *         graphCode "notSupported", no request made) and Graph's errors
         * @throws TransportException
         * @throws AuthorizationException (ReauthenticationRequiredException)
         * @throws StoreException when the target cannot be written
         * @throws \ValueError when $target is an empty path or holds a NUL byte
         * @throws \TypeError when $target is neither a string nor a stream
         */
        public function save($target): int {}
    }

    /**
     * What Mailbox::messages() returns: Messages oldest first, fetched one
     * Graph page at a time as the iteration goes. Forward-only: rewind()
     * after the first page throws \Error. Every method may send the request
     * for the next page and then throws what Mailbox's methods throw
     * (GraphException, TransportException, AuthorizationException, StoreException).
     * Not cloneable.
     *
     * @implements \Iterator<int, Message>
     */
    final class MessageIterator implements \Iterator
    {
        /** Made by Mailbox::messages() only. */
        private function __construct() {}

        /**
         * The message at the current position; null past the end.
         * @throws GraphException
         * @throws TransportException
         * @throws AuthorizationException
         * @throws StoreException
         */
        public function current(): ?Message {}

        /**
         * 0, 1, 2, ... across pages; null past the end.
         * @throws GraphException
         * @throws TransportException
         * @throws AuthorizationException
         * @throws StoreException
         */
        public function key(): ?int {}

        /**
         * Moves to the next message (fetching the next page when needed).
         * @throws GraphException
         * @throws TransportException
         * @throws AuthorizationException
         * @throws StoreException
         */
        public function next(): void {}

        /**
         * Fetches the first page; after it has been left, throws \Error (call
         * Mailbox::messages() again).
         * @throws GraphException
         * @throws TransportException
         * @throws AuthorizationException
         * @throws StoreException
         */
        public function rewind(): void {}

        /**
         * Whether current() holds a message.
         * @throws GraphException
         * @throws TransportException
         * @throws AuthorizationException
         * @throws StoreException
         */
        public function valid(): bool {}
    }

    /**
     * One mailbox through Microsoft Graph: "/me" for delegated access without
     * a configured mailbox, "/users/{mailbox}" otherwise. Every request
     * carries a token from the Authenticator (refreshed on demand), so each
     * method that talks to Graph can also throw what Authenticator::accessToken()
     * throws. Not cloneable.
     */
    final class Mailbox
    {
        public function __construct(Authenticator $auth) {}

        /**
         * The whole folder tree, hidden folders included (Folder::$isHidden),
         * sorted by path.
         *
         * @return list<Folder>
         * @throws GraphException (ThrottledException for 429)
         * @throws TransportException
         * @throws AuthorizationException (ReauthenticationRequiredException)
         * @throws StoreException
         */
        public function folders(): array {}

        /**
         * A well-known name ("inbox", "archive", "deleteditems", ...;
         * case-insensitive), a path "A/B/C" from the top, or a name searched in
         * the whole tree (hidden folders excluded, case-insensitive).
         *
         * @throws FolderNotFoundException when nothing matches (closest() names near misses)
         * @throws AmbiguousFolderException when a bare name matches several folders (candidates())
         * @throws ConfigException when the path is malformed (an empty part, too deep, a name too long)
         * @throws GraphException (ThrottledException for 429)
         * @throws TransportException
         * @throws AuthorizationException (ReauthenticationRequiredException)
         * @throws StoreException
         * @throws \ValueError when $nameOrPath is empty or holds a NUL byte
         */
        public function resolveFolder(string $nameOrPath): Folder {}

        /**
         * The folder's messages, oldest first, fetched page by page as the
         * iteration goes (no request before it starts).
         *
         * @param array{page_size?: int<1, 1000>, limit?: int<0, max>} $options
         *        page_size: messages per Graph request (250); limit: at most this many, 0 = all
         * @return MessageIterator
         * @throws \ValueError for an empty folder id, an unknown option or a value out of range
         * @throws \TypeError for an option that is not an int
         */
        public function messages(string $folderId, array $options = []): \Iterator {}

        /**
         * One message by its id.
         *
         * @throws GraphException e.g. 404 when it is gone (ThrottledException for 429)
         * @throws TransportException
         * @throws AuthorizationException (ReauthenticationRequiredException)
         * @throws StoreException
         * @throws \ValueError when $id is empty or holds a NUL byte
         */
        public function message(string $id): Message {}

        /**
         * Downloads a message as MIME, streamed (peak memory does not grow with
         * the message's size); a file path is written atomically.
         *
         * @param string|resource $target a file path or a writable stream
         * @return int the bytes written
         * @throws GraphException (ThrottledException for 429)
         * @throws TransportException
         * @throws AuthorizationException (ReauthenticationRequiredException)
         * @throws StoreException when the target cannot be written
         * @throws \ValueError when an id or the path is empty or holds a NUL byte
         * @throws \TypeError when $target is neither a string nor a stream
         */
        public function saveMime(string $messageId, $target): int {}

        /**
         * The attachments of a message (metadata).
         *
         * @return list<Attachment>
         * @throws GraphException (ThrottledException for 429)
         * @throws TransportException
         * @throws AuthorizationException (ReauthenticationRequiredException)
         * @throws StoreException
         * @throws \ValueError when $messageId is empty or holds a NUL byte
         */
        public function attachments(string $messageId): array {}

        /**
         * Downloads one attachment, streamed (an item attachment as MIME).
         *
         * @param string|resource $target a file path or a writable stream
         * @return int the bytes written
         * @throws GraphException e.g. for a reference attachment (Graph: 405) (ThrottledException for 429)
         * @throws TransportException
         * @throws AuthorizationException (ReauthenticationRequiredException)
         * @throws StoreException when the target cannot be written
         * @throws \ValueError when an id or the path is empty or holds a NUL byte
         * @throws \TypeError when $target is neither a string nor a stream
         */
        public function saveAttachment(string $messageId, string $attachmentId, $target): int {}

        /**
         * Moves a message to another folder (a folder id or a well-known name).
         *
         * @return string the message's id after the move
         * @throws GraphException (ThrottledException for 429)
         * @throws TransportException
         * @throws AuthorizationException (ReauthenticationRequiredException)
         * @throws StoreException
         * @throws \ValueError when an id is empty or holds a NUL byte
         */
        public function move(string $messageId, string $folderId): string {}

        /**
         * Moves many messages with JSON batching ($batch, 20 per request),
         * sending the throttled members again after their Retry-After. Never
         * throws for a failed move: each id maps to the id after its move, or
         * to the exception (not thrown) that says why it was not moved: a
         * GraphException (ThrottledException) for a member Graph refused; when
         * a batch could not be sent at all, its failure for each of its
         * members: TransportException, GraphException,
         * ReauthenticationRequiredException / AuthorizationException (no
         * token), StoreException. Duplicate ids collapse into one key.
         *
         * @param array<array-key, non-empty-string> $messageIds
         * @return array<string, string|Exception> message id => id after the move, or why it failed
         * @throws \ValueError when $folderId is empty or holds a NUL byte
         * @throws \TypeError when an element of $messageIds is not a non-empty string without NUL bytes
         */
        public function moveMany(array $messageIds, string $folderId): array {}

        /**
         * The "Mail connection test", check by check; never throws for an
         * expected failure (a failed check has ok = false and says why in
         * detail). Checks: token; mailbox (the Inbox is reachable); clock
         * (skew in seconds against Graph's Date header, not ok beyond 60 s,
         * with a hint then); folder.inbox / folder.exported / folder.error
         * (id and path when resolved, candidates when not); permissions (the
         * granted scopes or roles, a read and a write that changes nothing).
         * When no token can be had, every check after "token" is not ok and
         * says "not checked: no access token".
         *
         * @return array{
         *     ok: bool,
         *     checks: array{
         *         token: array{ok: bool, detail: string},
         *         mailbox: array{ok: bool, detail: string},
         *         clock: array{ok: bool, detail: string, skew?: int, hint?: string},
         *         'folder.inbox': array{ok: bool, detail: string, id?: string, path?: string, candidates?: list<string>},
         *         'folder.exported': array{ok: bool, detail: string, id?: string, path?: string, candidates?: list<string>},
         *         'folder.error': array{ok: bool, detail: string, id?: string, path?: string, candidates?: list<string>},
         *         permissions: array{ok: bool, detail: string}
         *     }
         * }
         */
        public function testConnection(): array {}
    }

    /**
     * The import job: Inbox -> Exported (imported) or Error (failed), oldest
     * first, with a journal in the Store so that nothing is lost or imported
     * twice when a run is interrupted. One run per mailbox at a time (Store
     * lock). Not cloneable.
     */
    final class Importer
    {
        /**
         * @param Store $store the journal's Store (sealed when Config has encryption_key)
         * @param array{
         *     max_messages?: positive-int,
         *     require_attachments?: bool,
         *     attachment_types?: list<non-empty-string>,
         *     include_inline?: bool,
         *     max_message_size?: positive-int|null,
         *     max_attempts?: positive-int,
         *     error_category?: string|null
         * } $options
         *        max_messages (500 per run); require_attachments (false: a message without a
         *        qualifying attachment goes to Error, reason "missing_attachments");
         *        attachment_types (MIME types such as "application/pdf" or "image/*", or
         *        extensions such as "pdf"; empty = any); include_inline (false); max_message_size
         *        (bytes, null = no limit; larger: Error, "too_large"); max_attempts (3: a message
         *        whose handler was started this often without finishing goes to Error, "poison");
         *        error_category ("Import failed", at most 200 bytes; null = no Outlook category)
         * @throws \ValueError for an unknown option or a value out of range
         * @throws \TypeError for an option of the wrong type
         */
        public function __construct(Mailbox $mailbox, Store $store, array $options = []) {}

        /**
         * Imports the Inbox once. $handler(Message $m) is called per message:
         * returning anything but false = imported (moved to Exported); false or
         * an exception = failed (moved to Error, reason "handler_returned_false"
         * or "handler_error: <class>: <message>"); RetryLaterException, or a
         * transient TransportException / GraphException (429, 5xx) = deferred
         * (left in the Inbox). An AuthorizationException, StoreException,
         * ConfigException or a GraphException 401/403 from the handler ends the
         * run and is rethrown by run(), the message left untouched.
         * $progress(int $done, ?int $total, Message $m, string $outcome) is
         * called after each message ($total null while unknown).
         * $fetching(int $count, int $done, ?int $total) is called before the
         * run downloads $count messages it had not fetched ahead (the first
         * window of each Inbox page), so that a caller can say what the wait
         * is for before the first $progress call. An exception from $progress
         * or $fetching ends the run and is rethrown. A second concurrent run
         * returns at once with $locked = true.
         *
         * @param callable(Message): mixed $handler
         * @param (callable(int, ?int, Message, 'imported'|'failed'|'deferred'|'vanished'|'resumed'): mixed)|null $progress
         * @param (callable(int, int, ?int): mixed)|null $fetching
         * @throws FolderNotFoundException when a configured folder does not exist
         * @throws AmbiguousFolderException when a configured folder name matches several folders
         * @throws ReauthenticationRequiredException
         * @throws AuthorizationException
         * @throws StoreException
         * @throws GraphException
         * @throws TransportException
         * @throws \Throwable what $progress or $fetching throws, or what $handler throws that ends the run (see above)
         */
        public function run(callable $handler, ?callable $progress = null, ?callable $fetching = null): ImportReport {}
    }

    /** What one Importer::run() did. */
    final class ImportReport
    {
        /** Messages moved to Exported. */
        public readonly int $imported;
        /** Messages moved to Error. */
        public readonly int $failed;
        /** Messages left in the Inbox for the next run. */
        public readonly int $deferred;
        /** Messages moved or deleted by someone else during the run. */
        public readonly int $vanished;
        /** Journal entries of an interrupted run finished (moved without calling the handler). */
        public readonly int $resumed;
        /** Another run held the mailbox: this one did nothing. */
        public readonly bool $locked;
        /** @var 'throttled'|'unavailable'|null why the run stopped early */
        public readonly ?string $aborted;
        public readonly float $seconds;
        /** When $aborted is "throttled": the epoch second before which no run makes a request. */
        public readonly ?int $throttledUntil;
        /**
         * @var list<array{
         *     id: string,
         *     subject: string,
         *     outcome: 'imported'|'failed'|'deferred'|'vanished'|'resumed',
         *     reason: string|null
         * }>
         */
        public readonly array $items;

        /** Made by Importer::run() only. */
        private function __construct() {}
    }
}
