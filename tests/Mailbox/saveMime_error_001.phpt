--TEST--
Mailbox::saveMime(): a failed download leaves no file at the path (nor a .part file) and an existing file untouched; a retried download starts over
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$t = mb_tenant('basic');
$big = $t->addMessage(ADMIN, ['mime_fixture' => 'pmmp-m0004.eml', 'received' => 1600000000])['immutable_id'];
$m = mb_mailbox($t);                      // max_retries 0
$dir = mb_tmp();
$cases = [
    'connection closed mid-body' => ['action' => 'truncate'],
    'dropped' => ['action' => 'drop'],
    '404' => ['status' => 404],
    '503' => ['status' => 503],
    'HTML 502' => ['action' => 'html', 'status' => 502],
    'token rejected twice' => ['status' => 401, 'times' => 2],
];
foreach ($cases as $label => $rule) {
    $t->clearFaults();
    $t->fault($rule + ['path' => '/\$value$', 'times' => 1]);
    $e = mb_catch(fn () => $m->saveMime($big, "$dir/new.eml"));
    echo str_pad($label, 28), mb_describe($e), ' | files: ', json_encode(mb_ls($dir)), "\n";
}
// An existing file at the path stays as it was.
file_put_contents("$dir/keep.eml", 'previous content');
$t->clearFaults();
$t->fault(['path' => '/\$value$', 'action' => 'truncate', 'times' => 1]);
echo mb_describe(mb_catch(fn () => $m->saveMime($big, "$dir/keep.eml"))), "\n";
show('kept', [file_get_contents("$dir/keep.eml"), mb_ls($dir)]);
// A target that is a directory, or in a directory that does not exist.
mkdir("$dir/sub");
$e = mb_catch(fn () => $m->saveMime($big, "$dir/sub"));
echo get_class($e), ': ', str_replace($dir, 'DIR', $e->getMessage()), "\n";
$e = mb_catch(fn () => $m->saveMime($big, "$dir/missing/x.eml"));
echo get_class($e), ': ', str_replace($dir, 'DIR', $e->getMessage()), "\n";
show('still', mb_ls($dir));
// With retries the cut download is started again from byte 0: the file is complete, not doubled.
$r = mb_mailbox($t, ['max_retries' => 2]);
$t->clearFaults();
$t->fault(['path' => '/\$value$', 'action' => 'truncate', 'times' => 1]);
$s = mb_seq($t);
$n = $r->saveMime($big, "$dir/retried.eml");
show('retried', [array_column(mb_graph($t, $s), 'status'), $n, hash_file('sha256', "$dir/retried.eml") === hash_file('sha256', FIXTURES . '/pmmp-m0004.eml')]);
show('end', mb_ls($dir));
?>
--EXPECTF--
connection closed mid-body  SqzGraph\TransportException curl=18 | files: []
dropped                     SqzGraph\TransportException curl=52 | files: []
404                         SqzGraph\GraphException status=404 code='ErrorItemNotFound' | files: []
503                         SqzGraph\GraphException status=503 code='serviceNotAvailable' | files: []
HTML 502                    SqzGraph\GraphException status=502 code=NULL | files: []
token rejected twice        SqzGraph\GraphException status=401 code='InvalidAuthenticationToken' | files: []
SqzGraph\TransportException curl=18
kept: ["previous content",["keep.eml"]]
SqzGraph\StoreException: the target DIR/sub is a directory (give a file name inside it); nothing was written
SqzGraph\StoreException: cannot create a file beside DIR/missing/x.eml: No such file or directory
still: ["keep.eml","sub"]
retried: [[200,200],1107154,true]
end: ["keep.eml","retried.eml","sub"]
