--TEST--
Mailbox::saveMime(): to a PHP stream (php://memory, php://temp, a file handle, an append handle, a user stream wrapper): byte-identical, returns the byte count, writes at the stream's position
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$big = $t->addMessage(ADMIN, ['mime_fixture' => 'pmmp-m0004.eml', 'received' => 1600000000]);   // 1.1 MB
$crlf = $t->addMessage(ADMIN, ['mime_fixture' => 'zb-m2012.eml', 'received' => 1600000001]);      // CRLF, 8-bit
$m = mb_mailbox($t);
$dir = mb_tmp();
$want = [$big['immutable_id'] => file_get_contents(FIXTURES . '/pmmp-m0004.eml'),
    $crlf['immutable_id'] => file_get_contents(FIXTURES . '/zb-m2012.eml')];

final class Collect
{
    public static string $data = '';
    public $context;
    public function stream_open(string $path, string $mode, int $options, ?string &$opened): bool { return true; }
    public function stream_write(string $d): int { self::$data .= $d; return strlen($d); }
}
stream_wrapper_register('collect', Collect::class);

foreach ($want as $id => $raw) {
    $targets = [
        'php://memory' => fopen('php://memory', 'w+b'),
        'php://temp/maxmemory:4096' => fopen('php://temp/maxmemory:4096', 'w+b'),
        'file w+b' => fopen("$dir/f.eml", 'w+b'),
        'user wrapper' => fopen('collect://x', 'wb'),
    ];
    foreach ($targets as $label => $fp) {
        $n = $m->saveMime($id, $fp);
        $pos = ftell($fp);
        $got = $label === 'user wrapper' ? Collect::$data : mb_contents($fp);
        Collect::$data = '';
        printf("%-26s returned %s, position %s, sha256 %s\n", $label, $n === strlen($raw) ? 'size' : $n,
            $pos === strlen($raw) ? 'at end' : $pos, hash('sha256', $got) === hash('sha256', $raw) ? 'same' : 'DIFFERENT');
        fclose($fp);
    }
}
// At the stream's position: after what is already there.
$fp = fopen("$dir/a.mbox", 'ab');
fwrite($fp, "From x@y Thu Jan  1 00:00:00 2024\n");
$n = $m->saveMime($crlf['immutable_id'], $fp);
fclose($fp);
show('appended', file_get_contents("$dir/a.mbox") === "From x@y Thu Jan  1 00:00:00 2024\n" . $want[$crlf['immutable_id']]);
$fp = fopen('php://memory', 'w+b');
fwrite($fp, 'HEAD');
$m->saveMime($crlf['immutable_id'], $fp);
show('after HEAD', mb_contents($fp) === 'HEAD' . $want[$crlf['immutable_id']]);
show('stream still open', is_resource($fp));
?>
--EXPECT--
php://memory               returned size, position at end, sha256 same
php://temp/maxmemory:4096  returned size, position at end, sha256 same
file w+b                   returned size, position at end, sha256 same
user wrapper               returned size, position at end, sha256 same
php://memory               returned size, position at end, sha256 same
php://temp/maxmemory:4096  returned size, position at end, sha256 same
file w+b                   returned size, position at end, sha256 same
user wrapper               returned size, position at end, sha256 same
appended: true
after HEAD: true
stream still open: true
