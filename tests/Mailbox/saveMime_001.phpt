--TEST--
Mailbox::saveMime(): to a path, byte-identical to the real MIME fixtures (CRLF, LF, 8-bit, 1.1 MB); returns the byte count; replaces an existing file; no temporary file left
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$fixtures = ['pmmp-m0013.eml', 'pmmp-m0014.eml', 'pmmp-issue158b.eml', 'pmmp-issue163.eml', 'pmmp-m0009.eml',
    'pmmp-issue274.eml', 'pmmp-m0004.eml', 'zb-m2012.eml', 'zb-m4007.eml'];
$seed = require __DIR__ . '/../mock-tenant/seeds/basic.php';
$seed['tenants'][0]['users'][0]['messages'] = array_map(fn ($f, $i) => ['mime_fixture' => $f, 'received' => 1704067200 + $i * 60],
    $fixtures, array_keys($fixtures));
$t = mb_tenant($seed);
$m = mb_mailbox($t);
$dir = mb_tmp();
$i = 0;
foreach ($m->messages('inbox') as $msg) {
    $f = $fixtures[$i++];
    $path = "$dir/$f";
    $n = $m->saveMime($msg->id, $path);
    $raw = file_get_contents(FIXTURES . "/$f");
    printf("%-18s %8d bytes, returned %s, sha256 %s, CRLF %d, 8-bit %s\n", $f, strlen($raw), $n === strlen($raw) ? 'same' : "WRONG $n",
        hash_file('sha256', $path) === hash('sha256', $raw) ? 'same' : 'DIFFERENT',
        substr_count(file_get_contents($path), "\r\n"), preg_match('/[\x80-\xff]/', file_get_contents($path)) ? 'yes' : 'no');
}
// An existing file is replaced as a whole.
file_put_contents("$dir/old.eml", str_repeat('x', 2000000));
$n = $m->saveMime($msg->id, "$dir/old.eml");
show('replaced', [$n, filesize("$dir/old.eml"), hash_file('sha256', "$dir/old.eml") === hash_file('sha256', FIXTURES . '/zb-m4007.eml')]);
show('files', count(mb_ls($dir)));
show('no .part', preg_grep('/\.part$/', mb_ls($dir)));
show('mode: 0666 & ~umask', (fileperms("$dir/old.eml") & 0777) === (0666 & ~umask()));
?>
--EXPECT--
pmmp-m0013.eml         4419 bytes, returned same, sha256 same, CRLF 0, 8-bit no
pmmp-m0014.eml         1550 bytes, returned same, sha256 same, CRLF 41, 8-bit no
pmmp-issue158b.eml     3701 bytes, returned same, sha256 same, CRLF 0, 8-bit no
pmmp-issue163.eml     52300 bytes, returned same, sha256 same, CRLF 699, 8-bit no
pmmp-m0009.eml         2601 bytes, returned same, sha256 same, CRLF 0, 8-bit yes
pmmp-issue274.eml    254029 bytes, returned same, sha256 same, CRLF 3293, 8-bit no
pmmp-m0004.eml      1107154 bytes, returned same, sha256 same, CRLF 0, 8-bit no
zb-m2012.eml           5437 bytes, returned same, sha256 same, CRLF 108, 8-bit yes
zb-m4007.eml            586 bytes, returned same, sha256 same, CRLF 0, 8-bit no
replaced: [586,586,true]
files: 10
no .part: []
mode: 0666 & ~umask: true
