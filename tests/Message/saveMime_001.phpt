--TEST--
Message::saveMime(): the message's MIME to a path or a stream, byte-identical, returns the byte count; works after the Mailbox variable is gone
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/../Mailbox/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/../Mailbox/common.inc';
$t = mb_tenant('basic');
$t->addMessage(ADMIN, ['mime_fixture' => 'pmmp-issue163.eml', 'received' => 1600000000]);   // CRLF, 52 KB
$t->addMessage(ADMIN, ['mime_fixture' => 'pmmp-m0009.eml', 'received' => 1600000001]);      // 8-bit, mbox From line
$dir = mb_tmp();
$m = mb_mailbox($t);
$msgs = iterator_to_array($m->messages('inbox', ['limit' => 2]));
unset($m);                                   // each Message holds its Mailbox
foreach (['pmmp-issue163.eml', 'pmmp-m0009.eml'] as $i => $f) {
    $raw = file_get_contents(FIXTURES . "/$f");
    $n = $msgs[$i]->saveMime("$dir/$f");
    $fp = fopen('php://temp', 'w+b');
    $n2 = $msgs[$i]->saveMime($fp);
    printf("%s: size %s, path %s, stream %s, returned %s/%s\n", $f, $msgs[$i]->size === strlen($raw) ? 'ok' : 'WRONG',
        file_get_contents("$dir/$f") === $raw ? 'same' : 'DIFFERENT', mb_contents($fp) === $raw ? 'same' : 'DIFFERENT',
        $n === strlen($raw) ? 'ok' : $n, $n2 === strlen($raw) ? 'ok' : $n2);
}
show('files', mb_ls($dir));
$t->fault(['path' => '/\$value$', 'status' => 404, 'times' => 1]);
echo mb_describe(mb_catch(fn () => $msgs[0]->saveMime("$dir/gone.eml"))), "\n";
show('files', mb_ls($dir));
echo get_class(mb_catch(fn () => $msgs[0]->saveMime([]))), "\n";
?>
--EXPECT--
pmmp-issue163.eml: size ok, path same, stream same, returned ok/ok
pmmp-m0009.eml: size ok, path same, stream same, returned ok/ok
files: ["pmmp-issue163.eml","pmmp-m0009.eml"]
SqzGraph\GraphException status=404 code='ErrorItemNotFound'
files: ["pmmp-issue163.eml","pmmp-m0009.eml"]
TypeError
