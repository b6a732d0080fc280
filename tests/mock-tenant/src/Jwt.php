<?php
declare(strict_types=1);

namespace MockTenant;

/**
 * JWTs: the tokens this tenant issues (RS256 with a test key) and the client
 * assertions it verifies (RS256 or PS256, GRAPH-FACTS §1.3). PHP 8.2's
 * openssl_verify() cannot do PSS padding, so EMSA-PSS (RFC 8017 §9.1) is done
 * here on top of the raw RSA operation.
 */
final class Jwt
{
    public const SIGNING_KID = 'mock-tenant-key-1';

    public static function b64u(string $bytes): string
    {
        return rtrim(strtr(base64_encode($bytes), '+/', '-_'), '=');
    }

    public static function unb64u(string $s): string|false
    {
        if (!preg_match('/^[A-Za-z0-9_-]*$/', $s)) {
            return false;
        }
        return base64_decode(strtr($s, '-_', '+/') . str_repeat('=', (4 - strlen($s) % 4) % 4), true);
    }

    public static function signingKey(): \OpenSSLAsymmetricKey
    {
        static $key = null;
        return $key ??= openssl_pkey_get_private((string) file_get_contents(__DIR__ . '/../fixtures/token-signing-key.pem'));
    }

    /** @param array<string, mixed> $claims */
    public static function issue(array $claims): string
    {
        $h = ['typ' => 'JWT', 'alg' => 'RS256', 'kid' => self::SIGNING_KID];
        return self::sign($h, $claims, self::signingKey(), 'RS256');
    }

    /**
     * @param array<string, mixed> $header
     * @param array<string, mixed> $claims
     */
    public static function sign(array $header, array $claims, \OpenSSLAsymmetricKey|string $key, string $alg): string
    {
        $input = self::b64u(Json::encode($header)) . '.' . self::b64u(Json::encode($claims));
        $key = is_string($key) ? openssl_pkey_get_private($key) : $key;
        if ($alg === 'PS256') {
            $sig = self::pssSign($input, $key);
        } else {
            openssl_sign($input, $sig, $key, OPENSSL_ALGO_SHA256);
        }
        return $input . '.' . self::b64u($sig);
    }

    /** @return array{header: array<string,mixed>, claims: array<string,mixed>, input: string, signature: string}|null */
    public static function decode(string $jwt): ?array
    {
        $parts = explode('.', $jwt);
        if (count($parts) !== 3) {
            return null;
        }
        $h = self::unb64u($parts[0]);
        $c = self::unb64u($parts[1]);
        $s = self::unb64u($parts[2]);
        if ($h === false || $c === false || $s === false) {
            return null;
        }
        $header = Json::decode($h);
        $claims = Json::decode($c);
        if (!is_array($header) || !is_array($claims)) {
            return null;
        }
        return ['header' => $header, 'claims' => $claims, 'input' => $parts[0] . '.' . $parts[1], 'signature' => $s];
    }

    public static function verify(string $input, string $sig, \OpenSSLAsymmetricKey $pub, string $alg): bool
    {
        return match ($alg) {
            'RS256' => openssl_verify($input, $sig, $pub, OPENSSL_ALGO_SHA256) === 1,
            'PS256' => self::pssVerify($input, $sig, $pub),
            default => false,
        };
    }

    /** @return array{sha1: string, sha256: string} base64url thumbprints of a PEM certificate's DER */
    public static function thumbprints(string $certPem): array
    {
        if (!preg_match('/-----BEGIN CERTIFICATE-----(.+?)-----END CERTIFICATE-----/s', $certPem, $m)) {
            return ['sha1' => '', 'sha256' => ''];
        }
        $der = base64_decode(preg_replace('/\s+/', '', $m[1]));
        return ['sha1' => self::b64u(sha1($der, true)), 'sha256' => self::b64u(hash('sha256', $der, true))];
    }

    private static function mgf1(string $seed, int $len): string
    {
        $t = '';
        for ($i = 0; strlen($t) < $len; $i++) {
            $t .= hash('sha256', $seed . pack('N', $i), true);
        }
        return substr($t, 0, $len);
    }

    private static function pssSign(string $input, \OpenSSLAsymmetricKey $key): string
    {
        $bits = openssl_pkey_get_details($key)['bits'];
        $emBits = $bits - 1;
        $emLen = intdiv($emBits + 7, 8);
        $hLen = 32;
        $salt = random_bytes($hLen);
        $h = hash('sha256', str_repeat("\0", 8) . hash('sha256', $input, true) . $salt, true);
        $db = str_repeat("\0", $emLen - $hLen - $hLen - 2) . "\x01" . $salt;
        $masked = $db ^ self::mgf1($h, $emLen - $hLen - 1);
        $masked[0] = chr(ord($masked[0]) & (0xff >> (8 * $emLen - $emBits)));
        $em = str_pad($masked . $h . "\xbc", intdiv($bits + 7, 8), "\0", STR_PAD_LEFT);
        openssl_private_encrypt($em, $sig, $key, OPENSSL_NO_PADDING);
        return $sig;
    }

    private static function pssVerify(string $input, string $sig, \OpenSSLAsymmetricKey $pub): bool
    {
        $bits = openssl_pkey_get_details($pub)['bits'];
        if (strlen($sig) !== intdiv($bits + 7, 8) || !openssl_public_decrypt($sig, $em, $pub, OPENSSL_NO_PADDING)) {
            return false;
        }
        $emBits = $bits - 1;
        $emLen = intdiv($emBits + 7, 8);
        $em = substr($em, -$emLen);
        $hLen = 32;
        if ($em[$emLen - 1] !== "\xbc") {
            return false;
        }
        $masked = substr($em, 0, $emLen - $hLen - 1);
        $h = substr($em, $emLen - $hLen - 1, $hLen);
        $topMask = 0xff >> (8 * $emLen - $emBits);
        if ((ord($masked[0]) & ~$topMask & 0xff) !== 0) {
            return false;
        }
        $db = $masked ^ self::mgf1($h, strlen($masked));
        $db[0] = chr(ord($db[0]) & $topMask);
        $one = strpos($db, "\x01");
        if ($one === false || trim(substr($db, 0, $one), "\0") !== '') {
            return false;
        }
        $salt = substr($db, $one + 1);
        return hash_equals($h, hash('sha256', str_repeat("\0", 8) . hash('sha256', $input, true) . $salt, true));
    }
}
