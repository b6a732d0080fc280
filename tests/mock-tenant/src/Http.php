<?php
declare(strict_types=1);

namespace MockTenant;

/** One HTTP request: the real one from php -S, or a $batch member built from JSON. */
final class Request
{
    /** @var array<string, string> lower-cased header name => value */
    public array $headers;
    /** @var array<string, string> */
    public array $query;

    /** @param array<string, string> $headers */
    public function __construct(
        public readonly string $method,
        public readonly string $path,       // raw (still percent-encoded), without the query
        public readonly string $queryString,
        array $headers,
        public readonly string $body,
        public readonly bool $batchMember = false,
        public readonly ?string $memberId = null,
    ) {
        $this->headers = array_change_key_case($headers, CASE_LOWER);
        $this->query = self::parseQuery($queryString);
    }

    public static function fromGlobals(): self
    {
        $uri = $_SERVER['REQUEST_URI'] ?? '/';
        $q = strpos($uri, '?');
        $headers = function_exists('getallheaders') ? (getallheaders() ?: []) : [];
        return new self(
            strtoupper($_SERVER['REQUEST_METHOD'] ?? 'GET'),
            $q === false ? $uri : substr($uri, 0, $q),
            $q === false ? '' : substr($uri, $q + 1),
            $headers,
            (string) file_get_contents('php://input'),
        );
    }

    /**
     * OData options keep their '$' (parse_str would too, but it mangles '.'
     * in names); '+' means space in a query, as at any server.
     * @return array<string, string>
     */
    public static function parseQuery(string $qs): array
    {
        $out = [];
        foreach ($qs === '' ? [] : explode('&', $qs) as $pair) {
            if ($pair === '') {
                continue;
            }
            [$k, $v] = array_pad(explode('=', $pair, 2), 2, '');
            $out[urldecode($k)] = urldecode($v);
        }
        return $out;
    }

    public function header(string $name): ?string
    {
        return $this->headers[strtolower($name)] ?? null;
    }

    /** @return list<string> raw path segments, each percent-decoded */
    public function segments(string $prefix = ''): array
    {
        $p = substr($this->path, strlen($prefix));
        $parts = explode('/', trim($p, '/'));
        return $parts === [''] ? [] : array_map('rawurldecode', $parts);
    }

    public function target(): string
    {
        return $this->path . ($this->queryString === '' ? '' : '?' . $this->queryString);
    }

    /** @return array<string, string> form fields of an application/x-www-form-urlencoded body */
    public function form(): array
    {
        return self::parseQuery($this->body);
    }

    /** Cookies from the Cookie header. @return array<string, string> */
    public function cookies(): array
    {
        $out = [];
        foreach (explode(';', $this->header('cookie') ?? '') as $c) {
            [$k, $v] = array_pad(explode('=', trim($c), 2), 2, '');
            if ($k !== '') {
                $out[$k] = urldecode($v);
            }
        }
        return $out;
    }

    /**
     * Preferences of the Prefer header, keys lower-cased, quotes removed:
     * 'IdType="ImmutableId", outlook.body-content-type="text"'.
     * @return array<string, string>
     */
    public function preferences(): array
    {
        $out = [];
        foreach (explode(',', $this->header('prefer') ?? '') as $p) {
            [$k, $v] = array_pad(explode('=', trim($p), 2), 2, '');
            if ($k !== '') {
                $out[strtolower(trim($k))] = trim(trim($v), '"');
            }
        }
        return $out;
    }
}

/** A response, built in memory (or pointing at a file to stream) before anything is sent. */
final class Response
{
    /** @var list<array{0: string, 1: string}> */
    public array $headers = [];
    public ?string $file = null;    // stream this file as the body (fpassthru, constant memory)
    public bool $json = false;      // JSON responses are gzip-compressed on request (Graph does)

    public function __construct(public int $status = 200, public string $body = '')
    {
    }

    public const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

    /** @param array<mixed> $data */
    public static function json(int $status, array|\stdClass $data, string $contentType = self::GRAPH_JSON): self
    {
        $r = new self($status, Json::encode($data));
        $r->header('Content-Type', $contentType);
        $r->json = true;
        return $r;
    }

    public static function html(int $status, string $html): self
    {
        $r = new self($status, $html);
        $r->header('Content-Type', 'text/html; charset=utf-8');
        return $r;
    }

    public static function redirect(string $location): self
    {
        $r = new self(302, '');
        $r->header('Location', $location);
        return $r;
    }

    public static function file(string $path, string $contentType): self
    {
        $r = new self(200, '');
        $r->file = $path;
        $r->header('Content-Type', $contentType);
        return $r;
    }

    public function header(string $name, string $value): self
    {
        $this->removeHeader($name);
        $this->headers[] = [$name, $value];
        return $this;
    }

    public function removeHeader(string $name): void
    {
        $this->headers = array_values(array_filter($this->headers,
            fn (array $h) => strcasecmp($h[0], $name) !== 0));
    }

    public function getHeader(string $name): ?string
    {
        foreach ($this->headers as [$k, $v]) {
            if (strcasecmp($k, $name) === 0) {
                return $v;
            }
        }
        return null;
    }

    /** The body as a string (reads the file of a streamed response). */
    public function bodyBytes(): string
    {
        return $this->file !== null ? (string) file_get_contents($this->file) : $this->body;
    }

    public function length(): int
    {
        return $this->file !== null ? (int) filesize($this->file) : strlen($this->body);
    }
}

final class Json
{
    public static function encode(mixed $data): string
    {
        return json_encode($data, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
            | JSON_INVALID_UTF8_SUBSTITUTE | JSON_PRESERVE_ZERO_FRACTION | JSON_THROW_ON_ERROR);
    }

    /** @return mixed null when the text is not JSON */
    public static function decode(string $text): mixed
    {
        try {
            return json_decode($text, true, 64, JSON_THROW_ON_ERROR);
        } catch (\JsonException) {
            return null;
        }
    }
}
