<?php
declare(strict_types=1);

namespace MockTenant;

/**
 * Identifiers that look like Exchange's: long standard-base64 strings that
 * contain '/', '+' and '=' so that a client which forgets to percent-encode
 * them in a path breaks here as it would at Microsoft (GRAPH-FACTS §4.1).
 *
 * A message id is PREFIX . base64(98 random bytes); decoded it is always
 * 104 bytes. That lets the mock tell a malformed id (400
 * ErrorInvalidIdMalformed) from a well-formed one that is not in the store
 * (404 ErrorItemNotFound). An attachment id is the decoded message id plus a
 * marker and a 16-byte key, so attachment ids change with the message id on
 * a move, as Exchange's do.
 */
final class Ids
{
    public const REST_PREFIX = 'AAMkAGI2';
    public const IMMUTABLE_PREFIX = 'AAkALgAA';
    public const FOLDER_PREFIX = 'AQMkADAw';
    private const MESSAGE_RANDOM = 98;
    private const MESSAGE_BYTES = 104;
    private const ATTACHMENT_MARKER = "\x01\x12\x00\x10";

    public static function guid(): string
    {
        $b = random_bytes(16);
        $b[6] = chr((ord($b[6]) & 0x0f) | 0x40);
        $b[8] = chr((ord($b[8]) & 0x3f) | 0x80);
        return vsprintf('%s%s-%s-%s-%s-%s%s%s', str_split(bin2hex($b), 4));
    }

    public static function isGuid(string $s): bool
    {
        return (bool) preg_match('/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i', $s);
    }

    /** Random base64 that contains at least one '/' and one '+'. */
    private static function spicyBase64(int $bytes): string
    {
        do {
            $s = base64_encode(random_bytes($bytes));
        } while (!str_contains($s, '/') || !str_contains($s, '+'));
        return $s;
    }

    public static function restMessageId(): string
    {
        return self::REST_PREFIX . self::spicyBase64(self::MESSAGE_RANDOM);
    }

    public static function immutableMessageId(): string
    {
        return self::IMMUTABLE_PREFIX . self::spicyBase64(self::MESSAGE_RANDOM);
    }

    public static function folderId(): string
    {
        return self::FOLDER_PREFIX . self::spicyBase64(70);
    }

    public static function isWellFormedMessageId(string $id): bool
    {
        if (!str_starts_with($id, self::REST_PREFIX) && !str_starts_with($id, self::IMMUTABLE_PREFIX)) {
            return false;
        }
        $raw = base64_decode($id, true);
        return $raw !== false && strlen($raw) === self::MESSAGE_BYTES && base64_encode($raw) === $id;
    }

    public static function isWellFormedFolderId(string $id): bool
    {
        $raw = base64_decode($id, true);
        return str_starts_with($id, self::FOLDER_PREFIX) && $raw !== false && base64_encode($raw) === $id;
    }

    public static function attachmentId(string $messageId, string $key): string
    {
        return base64_encode(base64_decode($messageId) . self::ATTACHMENT_MARKER . hex2bin($key));
    }

    /** @return array{0: string, 1: string}|null [message id, attachment key hex] */
    public static function parseAttachmentId(string $id): ?array
    {
        $raw = base64_decode($id, true);
        if ($raw === false || strlen($raw) !== self::MESSAGE_BYTES + 20
            || substr($raw, self::MESSAGE_BYTES, 4) !== self::ATTACHMENT_MARKER) {
            return null;
        }
        return [base64_encode(substr($raw, 0, self::MESSAGE_BYTES)), bin2hex(substr($raw, -16))];
    }

    /** Exchange change keys are base64 too ("CQAAABYAAAD..."). */
    public static function changeKey(): string
    {
        return 'CQAAABYAAAA' . rtrim(strtr(base64_encode(random_bytes(15)), '+/', 'ab'), '=');
    }

    public static function token(int $bytes = 32): string
    {
        return rtrim(strtr(base64_encode(random_bytes($bytes)), '+/', '-_'), '=');
    }

    /** What the request log shows instead of a token: never the token itself. */
    public static function tokenHash(string $token): string
    {
        return substr(hash('sha256', $token), 0, 16);
    }
}
