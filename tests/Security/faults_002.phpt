--TEST--
Faults on the wire: a TCP reset in the middle of a download (file and stream targets), a 10 MB JSON page, a 70 MB body (over the 64 MiB cap), 100000 nesting levels: clear exceptions or correct results, never a crash or a half-written file
--SKIPIF--
<?php require __DIR__ . '/skipif.inc';
if (!extension_loaded('sockets')) die('skip ext/sockets is needed for a TCP reset'); ?>
--INI--
memory_limit=256M
--FILE--
<?php
require __DIR__ . '/security.inc';
require __DIR__ . '/../mock-tenant/raw.inc';

$mime = "From: a@b\r\nSubject: x\r\n\r\n" . str_repeat("line of a long message body\r\n", 40000);   // ~1.1 MB
$msg = fn (string $id, string $subject, string $pad = '') => ['id' => $id, 'subject' => $subject, 'receivedDateTime' => '2024-01-05T10:00:00Z',
    'hasAttachments' => false, 'from' => ['emailAddress' => ['name' => 'A', 'address' => 'a@b']]] + ($pad === '' ? [] : ['x-pad' => $pad]);
$big = RawServer::json(200, ['value' => [$msg('M1', 'ten megabytes', str_repeat('p', 10 << 20))]]);
$huge = RawServer::json(200, ['value' => [$msg('M2', 'seventy megabytes', str_repeat('q', 70 << 20))]]);
$deep = RawServer::json(200, '{"value":[' . str_repeat('[', 100000) . str_repeat(']', 100000) . ']}');
$s = RawServer::start([
    ['~^POST /[^/]+/oauth2/v2\.0/token~', RawServer::token()],
    ['~^GET /v1\.0/users/[^/]+/messages/M1/\$value~', [['raw' => RawServer::http(200, ['Content-Type' => 'message/rfc822'], $mime), 'reset_after' => 300000],
        ['raw' => RawServer::http(200, ['Content-Type' => 'message/rfc822'], $mime), 'reset_after' => 300000],
        RawServer::http(200, ['Content-Type' => 'message/rfc822'], $mime)]],
    ['~^GET /v1\.0/users/[^/]+/mailFolders/big/messages~', $big],
    ['~^GET /v1\.0/users/[^/]+/mailFolders/huge/messages~', $huge],
    ['~^GET /v1\.0/users/[^/]+/mailFolders/deep/messages~', $deep],
]);
unset($big, $huge, $deep);
$a = new SqzGraph\Authenticator(new SqzGraph\Config(sec_cc_options($s->base, $s->graph)), new SqzGraph\FileStore(sec_tmp('f') . '/store'));
$m = new SqzGraph\Mailbox($a);
$out = sec_tmp('out');

function attempt(string $label, callable $f): void
{
    try {
        $r = $f();
        echo "$label: ", json_encode($r), "\n";
    } catch (SqzGraph\Exception $e) {
        echo "$label: ", get_class($e), $e instanceof SqzGraph\TransportException ? ' curl ' . $e->curlCode() : '', "\n  ",
            preg_replace('/127\.0\.0\.1:\d+/', 'HOST', $e->getMessage()), "\n";
    }
}

// TCP RST after 300000 bytes of a 1.1 MB message (curl 56, "Connection reset by peer").
attempt('reset, file target', fn () => $m->saveMime('M1', "$out/m1.eml"));
echo "  files left: ", json_encode(array_values(array_diff(scandir($out), ['.', '..']))), "\n";
$stream = fopen('php://memory', 'w+');
attempt('reset, stream target', fn () => $m->saveMime('M1', $stream));
echo "  the stream holds what arrived (a stream cannot be rewound): ", ftell($stream) > 0 && ftell($stream) < strlen($mime) ? 'part' : ftell($stream), "\n";
attempt('third try, whole', fn () => $m->saveMime('M1', "$out/m1.eml") === strlen($mime) && md5_file("$out/m1.eml") === md5($mime));

// A 10 MB page parses; a 70 MB one is over the 64 MiB a buffered answer may hold.
attempt('10 MB page', fn () => array_map(fn ($x) => [$x->id, $x->subject], iterator_to_array($m->messages('big'))));
attempt('70 MB page', fn () => iterator_to_array($m->messages('huge')));
// 100000 nested arrays: the depth limit (64), not the stack.
attempt('deep nesting', fn () => iterator_to_array($m->messages('deep')));
echo "requests: ", count($s->requests()), "\n";
?>
--EXPECTF--
reset, file target: SqzGraph\TransportException curl 56
  gave up after 1 attempt: GET /users/admin%40contoso.example/messages/M1/$value failed: %s (curl error 56)
  files left: []
reset, stream target: SqzGraph\TransportException curl 56
  gave up after 1 attempt: GET /users/admin%40contoso.example/messages/M1/$value failed: %s (curl error 56)
  the stream holds what arrived (a stream cannot be rewound): part
third try, whole: true
10 MB page: [["M1","ten megabytes"]]
70 MB page: SqzGraph\GraphException
  GET /users/admin%40contoso.example/mailFolders/huge/messages: the response is larger than 67108864 bytes, more than this request may hold in memory
deep nesting: SqzGraph\GraphException
  Graph's answer to GET /users/admin%40contoso.example/mailFolders/deep/messages is not valid JSON: %s
requests: 7
