<?php
declare(strict_types=1);

namespace MockTenant;

/**
 * Just enough MIME for a mailbox: write a generated message to a file, and
 * read a real one (the fixtures) to learn its subject, sender, date, body and
 * attachments, so that /attachments always agrees with /$value, as it does at
 * Exchange (which generates the MIME from the same item, GRAPH-FACTS §4.4).
 */
final class Mime
{
    // ---------------------------------------------------------------- writing

    /**
     * Write a message to $file. Attachment specs:
     *   ['kind'=>'file', 'name', 'content_type', 'content' (bytes) | 'size' (generated), 'inline', 'content_id']
     *   ['kind'=>'item', 'subject', 'body', 'from'] (an attached e-mail)
     * 'pad_to' grows the body text so the MIME is at least that many bytes.
     * @param array<string, mixed> $m
     * @return list<array<string, mixed>> the attachments with their decoded 'content' (file) or 'mime' (item)
     */
    public static function write(array $m, string $file): array
    {
        $out = fopen($file, 'wb');
        $boundary = '----=_Part_' . bin2hex(random_bytes(8));
        $attachments = [];
        foreach ($m['attachments'] ?? [] as $i => $a) {
            $kind = $a['kind'] ?? 'file';
            if ($kind === 'reference') {
                continue;   // reference attachments are links; they have no MIME part
            }
            if ($kind === 'item') {
                $inner = self::inlineMessage($a);
                $attachments[] = $a + ['kind' => 'item', 'mime' => $inner, 'name' => $a['subject'] ?? 'Attached message'];
                continue;
            }
            $content = $a['content'] ?? self::fakeFile((string) ($a['name'] ?? 'file.bin'), (int) ($a['size'] ?? 1024),
                (string) ($a['seed'] ?? ($m['subject'] ?? '') . $i));
            $attachments[] = $a + ['kind' => 'file', 'content' => $content];
        }
        $from = $m['from'] ?? ['name' => 'Sender', 'address' => 'sender@fabrikam.example'];
        $to = $m['to'] ?? [];
        $h = [];
        $h[] = 'From: ' . self::address($from);
        if ($to) {
            $h[] = 'To: ' . implode(', ', array_map([self::class, 'address'], $to));
        }
        $h[] = 'Subject: ' . self::encodeHeader((string) ($m['subject'] ?? ''));
        $h[] = 'Date: ' . gmdate('D, d M Y H:i:s', (int) $m['date']) . ' +0000';
        $h[] = 'Message-ID: ' . $m['internet_message_id'];
        $h[] = 'MIME-Version: 1.0';
        $body = (string) ($m['body'] ?? '');
        $pad = (int) ($m['pad_to'] ?? 0);
        if ($attachments === []) {
            $h[] = 'Content-Type: text/plain; charset=utf-8';
            $h[] = 'Content-Transfer-Encoding: quoted-printable';
            fwrite($out, implode("\r\n", $h) . "\r\n\r\n");
            self::writeText($out, $body, $pad);
        } else {
            $h[] = 'Content-Type: multipart/mixed; boundary="' . $boundary . '"';
            fwrite($out, implode("\r\n", $h) . "\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n");
            fwrite($out, "--$boundary\r\nContent-Type: text/plain; charset=utf-8\r\n"
                . "Content-Transfer-Encoding: quoted-printable\r\n\r\n");
            self::writeText($out, $body, $pad);
            foreach ($attachments as $a) {
                fwrite($out, "\r\n--$boundary\r\n");
                if ($a['kind'] === 'item') {
                    fwrite($out, "Content-Type: message/rfc822\r\nContent-Disposition: attachment\r\n\r\n");
                    fwrite($out, $a['mime']);
                    continue;
                }
                $name = self::encodeHeader((string) $a['name']);
                $disp = !empty($a['inline']) ? 'inline' : 'attachment';
                fwrite($out, sprintf("Content-Type: %s; name=\"%s\"\r\nContent-Disposition: %s; filename=\"%s\"; size=%d\r\n",
                    $a['content_type'] ?? 'application/octet-stream', $name, $disp, $name, strlen($a['content'])));
                if (!empty($a['content_id'])) {
                    fwrite($out, 'Content-ID: <' . $a['content_id'] . ">\r\n");
                }
                fwrite($out, "Content-Transfer-Encoding: base64\r\n\r\n");
                for ($off = 0, $n = strlen($a['content']); $off < $n; $off += 57 * 1024) {
                    fwrite($out, chunk_split(base64_encode(substr($a['content'], $off, 57 * 1024)), 76, "\r\n"));
                }
            }
            fwrite($out, "\r\n--$boundary--\r\n");
        }
        fclose($out);
        return $attachments;
    }

    /** @param resource $out */
    private static function writeText($out, string $body, int $padTo): void
    {
        fwrite($out, quoted_printable_encode($body) . "\r\n");
        if ($padTo > 0) {
            $line = str_repeat('Lorem ipsum dolor sit amet, consectetur adipiscing elit. ', 1) . "\r\n";
            $need = $padTo - (int) fstat($out)['size'];
            while ($need > 0) {
                $chunk = str_repeat($line, max(1, min(2000, intdiv($need, strlen($line)) + 1)));
                fwrite($out, $chunk);
                $need -= strlen($chunk);
            }
        }
    }

    /** @param array<string, mixed> $a */
    private static function inlineMessage(array $a): string
    {
        $from = $a['from'] ?? ['name' => 'Forwarded Sender', 'address' => 'forward@fabrikam.example'];
        return 'From: ' . self::address($from) . "\r\n"
            . 'Subject: ' . self::encodeHeader((string) ($a['subject'] ?? 'Attached message')) . "\r\n"
            . 'Date: ' . gmdate('D, d M Y H:i:s', (int) ($a['date'] ?? 1704067200)) . " +0000\r\n"
            . 'Message-ID: <' . bin2hex(random_bytes(8)) . "@fabrikam.example>\r\n"
            . "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            . ($a['body'] ?? 'This message was attached.') . "\r\n";
    }

    /** @param array{name?: string, address: string} $a */
    public static function address(array $a): string
    {
        $name = (string) ($a['name'] ?? '');
        return $name === '' ? '<' . $a['address'] . '>' : self::encodeHeader($name, true) . ' <' . $a['address'] . '>';
    }

    private static function encodeHeader(string $s, bool $phrase = false): string
    {
        if (preg_match('/[^\x20-\x7e]/', $s)) {
            return '=?UTF-8?B?' . base64_encode($s) . '?=';
        }
        return $phrase && preg_match('/[(),.:;<>@\[\]"\\\\]/', $s) ? '"' . addcslashes($s, '"\\') . '"' : $s;
    }

    /** Deterministic bytes that look like a file of the given type (a PDF starts with %PDF-). */
    public static function fakeFile(string $name, int $size, string $seed): string
    {
        $rng = new \Random\Randomizer(new \Random\Engine\Mt19937(crc32($seed)));
        if (str_ends_with(strtolower($name), '.pdf')) {
            $head = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\nstream\n";
            $tail = "\nendstream\n%%EOF\n";
            $fill = max(0, $size - strlen($head) - strlen($tail));
            return substr($head . $rng->getBytes(max(1, $fill)) . $tail, 0, max($size, strlen($head . $tail)));
        }
        return $rng->getBytes(max(1, $size));
    }

    // ---------------------------------------------------------------- reading

    /**
     * @return array{subject: string, from: ?array{name: string, address: string}, date: ?int,
     *   message_id: ?string, body: string, body_type: string, attachments: list<array<string, mixed>>}
     */
    public static function read(string $raw): array
    {
        $root = self::parsePart($raw, true);
        $info = ['body' => null, 'html' => null, 'attachments' => []];
        self::walk($root, $info, false, true);
        $h = $root['headers'];
        $from = null;
        if (isset($h['from'])) {
            $f = self::decodeHeader($h['from']);
            if (preg_match('/^\s*"?(.*?)"?\s*<([^>]+)>/', $f, $m)) {
                $from = ['name' => trim($m[1]), 'address' => trim($m[2])];
            } elseif (preg_match('/([^\s<>()]+@[^\s<>()]+)/', $f, $m)) {
                $from = ['name' => '', 'address' => $m[1]];
            }
        }
        $date = isset($h['date']) ? strtotime(preg_replace('/\s*\(.*\)\s*$/', '', $h['date'])) : false;
        $bodyType = $info['body'] === null && $info['html'] !== null ? 'html' : 'text';
        return [
            'subject' => isset($h['subject']) ? self::decodeHeader($h['subject']) : '',
            'from' => $from,
            'date' => $date === false ? null : $date,
            'message_id' => isset($h['message-id']) ? trim($h['message-id']) : null,
            'body' => (string) ($bodyType === 'html' ? $info['html'] : $info['body']),
            'body_type' => $bodyType,
            'attachments' => $info['attachments'],
        ];
    }

    /** @return array{headers: array<string, string>, type: string, params: array<string, string>, body: string, parts: list<array<mixed>>} */
    private static function parsePart(string $raw, bool $top = false, string $defaultType = 'text/plain'): array
    {
        if ($top && str_starts_with($raw, 'From ')) {           // mbox "From " line (m0009)
            $raw = (string) substr($raw, strpos($raw, "\n") + 1);
        }
        if (preg_match('/\r?\n\r?\n/', $raw, $m, PREG_OFFSET_CAPTURE)) {
            $head = substr($raw, 0, $m[0][1]);
            $body = substr($raw, $m[0][1] + strlen($m[0][0]));
        } elseif (preg_match('/^\r?\n/', $raw, $m)) {
            $head = '';
            $body = substr($raw, strlen($m[0]));
        } else {
            $head = $raw;
            $body = '';
        }
        $headers = [];
        foreach (preg_split('/\r?\n(?![ \t])/', $head) as $line) {
            $line = preg_replace('/\r?\n([ \t])/', '$1', $line);
            if (preg_match('/^([!-9;-~]+):\s*(.*)$/s', $line, $hm)) {
                $k = strtolower($hm[1]);
                $headers[$k] ??= rtrim($hm[2]);
            }
        }
        [$type, $params] = self::parseParams($headers['content-type'] ?? $defaultType);
        $type = strtolower($type);
        $parts = [];
        if (str_starts_with($type, 'multipart/') && isset($params['boundary'])) {
            $b = preg_quote($params['boundary'], '/');
            preg_match_all('/^--' . $b . '(--)?[ \t]*\r?$/m', $body, $ms, PREG_OFFSET_CAPTURE | PREG_SET_ORDER);
            for ($i = 0; $i + 1 < count($ms); $i++) {
                if (!empty($ms[$i][1][0])) {
                    break;  // closing delimiter
                }
                $start = $ms[$i][0][1] + strlen($ms[$i][0][0]);
                $start += substr($body, $start, 1) === "\n" ? 1 : 0;
                $end = $ms[$i + 1][0][1];
                $chunk = substr($body, $start, $end - $start);
                $chunk = preg_replace('/\r?\n$/', '', $chunk);   // the line break before a delimiter belongs to it
                $parts[] = self::parsePart($chunk, false, $type === 'multipart/digest' ? 'message/rfc822' : 'text/plain');
            }
        } elseif ($type === 'message/rfc822') {
            // Some senders base64-encode an attached message (pmmp-issue274): decode before parsing.
            $body = self::decodeBody(['headers' => $headers, 'body' => $body]);
            $parts[] = self::parsePart($body);
        }
        return ['headers' => $headers, 'type' => $type, 'params' => $params, 'body' => $body, 'parts' => $parts];
    }

    /**
     * @param array<string, mixed> $p
     * @param array<string, mixed> $info
     */
    private static function walk(array $p, array &$info, bool $inRelated, bool $top): void
    {
        if (str_starts_with($p['type'], 'multipart/')) {
            foreach ($p['parts'] as $c) {
                self::walk($c, $info, $p['type'] === 'multipart/related', false);
            }
            return;
        }
        if ($p['type'] === 'message/rfc822') {
            $inner = $p['parts'][0] ?? null;
            $subject = $inner !== null && isset($inner['headers']['subject']) ? self::decodeHeader($inner['headers']['subject']) : 'Attached message';
            $info['attachments'][] = ['kind' => 'item', 'name' => $subject, 'mime' => $p['body'], 'content_type' => null,
                'inline' => false];
            return;
        }
        [$disp, $dparams] = self::parseParams($p['headers']['content-disposition'] ?? '');
        $disp = strtolower($disp);
        $name = $dparams['filename'] ?? $p['params']['name'] ?? null;
        // An RFC 2231 value is decoded already (iconv_mime_decode would drop its non-ASCII characters).
        $name = $name === null ? null : (!str_contains($name, '=?') && self::isUtf8($name) ? trim($name) : self::decodeHeader($name));
        $cid = isset($p['headers']['content-id']) ? trim($p['headers']['content-id'], " <>") : null;
        $isText = in_array($p['type'], ['text/plain', 'text/html'], true);
        $isAttachment = $disp === 'attachment' || ($name !== null && !($isText && $disp === ''))
            || ($inRelated && $cid !== null && !$isText);
        if ($isAttachment) {
            $info['attachments'][] = ['kind' => 'file', 'name' => $name ?? 'attachment', 'content_type' => $p['type'],
                'content' => self::decodeBody($p), 'inline' => $disp === 'inline' || ($inRelated && $cid !== null),
                'content_id' => $cid];
            return;
        }
        $text = self::decodeBody($p);
        $charset = strtolower($p['params']['charset'] ?? 'us-ascii');
        if (!in_array($charset, ['utf-8', 'us-ascii'], true)) {
            $conv = @iconv($charset, 'UTF-8//IGNORE', $text);
            $text = is_string($conv) ? $conv : $text;
        }
        if ($p['type'] === 'text/html') {
            $info['html'] ??= $text;
        } else {
            $info['body'] ??= $text;
        }
    }

    /** @param array<string, mixed> $p */
    private static function decodeBody(array $p): string
    {
        return match (strtolower(trim($p['headers']['content-transfer-encoding'] ?? ''))) {
            'base64' => (string) base64_decode(preg_replace('/[^A-Za-z0-9+\/=]/', '', $p['body'])),
            'quoted-printable' => quoted_printable_decode($p['body']),
            default => $p['body'],
        };
    }

    /** "type/sub; a=1; b=\"x y\"; name*0*=utf-8''%C3%A4" → [type, params] with RFC 2231 merged. @return array{0: string, 1: array<string, string>} */
    private static function parseParams(string $value): array
    {
        $value = trim($value);
        $semi = strpos($value, ';');
        $main = trim($semi === false ? $value : substr($value, 0, $semi));
        $rest = $semi === false ? '' : substr($value, $semi + 1);
        preg_match_all('/([^\s=;]+)\s*=\s*("(?:[^"\\\\]|\\\\.)*"|[^;]*)/', $rest, $ms, PREG_SET_ORDER);
        $plain = [];
        $cont = [];
        foreach ($ms as $m) {
            $k = strtolower($m[1]);
            $v = trim($m[2]);
            if (str_starts_with($v, '"')) {
                $v = stripcslashes(substr($v, 1, -1));
            }
            if (preg_match('/^(.+?)\*(\d+)?(\*)?$/', $k, $km)) {
                $cont[$km[1]][(int) ($km[2] ?? 0)] = [$v, isset($km[3]) || ($km[2] ?? '') === ''];
            } else {
                $plain[$k] = $v;
            }
        }
        foreach ($cont as $k => $segs) {
            ksort($segs);
            $charset = 'utf-8';
            $s = '';
            foreach ($segs as $i => [$v, $enc]) {
                if ($enc) {
                    if ($i === 0 && preg_match("/^([^']*)'[^']*'(.*)$/s", $v, $cm)) {
                        $charset = $cm[1] ?: 'utf-8';
                        $v = $cm[2];
                    }
                    $v = rawurldecode($v);
                }
                $s .= $v;
            }
            $conv = strtolower($charset) === 'utf-8' ? $s : @iconv($charset, 'UTF-8//IGNORE', $s);
            $plain[$k] = is_string($conv) ? $conv : $s;
        }
        return [$main, $plain];
    }

    /** RFC 2047 words → UTF-8; raw 8-bit header bytes are taken as ISO-8859-1 (Eudora, zb-m2012). */
    public static function decodeHeader(string $s): string
    {
        $d = @iconv_mime_decode($s, ICONV_MIME_DECODE_CONTINUE_ON_ERROR, 'UTF-8');
        if ($d === false || !self::isUtf8($d)) {
            $d = @iconv_mime_decode((string) iconv('ISO-8859-1', 'UTF-8', $s), ICONV_MIME_DECODE_CONTINUE_ON_ERROR, 'UTF-8');
        }
        if ($d === false || !self::isUtf8($d)) {
            $d = (string) iconv('ISO-8859-1', 'UTF-8', $s);
        }
        return trim($d);
    }

    public static function isUtf8(string $s): bool
    {
        return preg_match('//u', $s) === 1;
    }
}
