--TEST--
Importer::run(): a fatal error (engine bailout) in the handler of this process is caught at the callback, the run unwinds and frees what it holds, no PHP callback (logger, progress, userland Store) runs in between, the fatal error then goes on; a run in a shutdown function finishes the work: the imported message is moved without a second handler call, the one that died is tried again
--SKIPIF--
<?php require __DIR__ . '/skipif.inc';
// Under USE_ZEND_ALLOC=0 every fatal error leaks the engine's own memory (the abandoned call
// frame, compiled op arrays: Zend MM would drop them at the request's end), whatever the
// extension does; memcheck would report those. Checked by hand: no allocation of the core
// (sqz_*) is among them since the bailout is caught at the callback.
if (getenv('USE_ZEND_ALLOC') === '0') die('skip under valgrind: a fatal error leaks the engine\'s own allocations there');
?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$calls = [];
$logged = 0;
$im = $f = null;
// Registered before im_start(), whose own shutdown function removes the tenant and the Store.
register_shutdown_function(function () use (&$im, &$f, &$calls, &$logged) {
    echo "--- shutdown: log lines so far ", $logged > 0 ? 'some' : 'none', "\n";
    $r = $im->run(function (SqzGraph\Message $m) use (&$calls) { $calls[] = $m->subject; return true; });
    echo "imported=$r->imported resumed=$r->resumed failed=$r->failed\n";
    echo 'handler calls: ', implode(', ', $calls), "\n";
    im_where($f);
    im_show_journal($f);
});
$f = im_start('basic');
$im = im_importer($f, ['max_messages' => 5], function () use (&$logged) { $logged++; });
$im->run(function (SqzGraph\Message $m) use (&$calls) {
    $calls[] = $m->subject;
    if ($m->subject === 'Invoice 2') {
        // @: PHP 8.4 deprecates E_USER_ERROR (a notice first); the fatal error still shows.
        @trigger_error('the handler dies on Invoice 2', E_USER_ERROR);
    }
    return true;
}, function (int $done, ?int $total, SqzGraph\Message $m, string $outcome) {
    echo "progress $done/$total $m->subject $outcome\n";
});
echo "not reached\n";
?>
--EXPECTF--
Fatal error: the handler dies on Invoice 2 in %s on line %d
--- shutdown: log lines so far some
imported=4 resumed=1 failed=0
handler calls: Invoice 1, Invoice 2, Invoice 2, Invoice 3, No attachment, 50032266 CAR 11_MNPA00A01_9PTX_H00 ATT N° 1467829. pdf
Inbox: 
Exported: Invoice 1, Invoice 2, Invoice 3, No attachment, fixture
Error: 
journal: []
