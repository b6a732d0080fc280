--TEST--
A fatal error in the logger (or in a userland Store) while a request is in flight is caught at the callback: the core finishes the request and frees what it holds instead of being jumped over, then the fatal error goes on — nothing of the extension is left half-done, so a shutdown function's requests on the same connections work
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; require __DIR__ . '/skipif.inc';
// Under USE_ZEND_ALLOC=0 any fatal error leaks the engine's own allocations (the abandoned frames);
// memcheck would report those. The extension's are checked by hand there.
if (getenv('USE_ZEND_ALLOC') === '0') die('skip under valgrind: a fatal error leaks the engine\'s own allocations there'); ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
$m = $t = null;
// Registered first: the tenant's and the Store's own shutdown functions remove them after it.
register_shutdown_function(function () use (&$m, &$t) {
    echo "--- shutdown\n";
    $folders = $m->folders();
    echo 'folders again: ', count($folders) > 5 ? 'ok' : 'FEWER', "\n";
    $fp = fopen('php://memory', 'w+b');
    echo 'saveMime: ', $m->saveMime(mb_id($t, 'Invoice 1'), $fp) > 1000 ? 'ok' : 'SHORT', "\n";
});
$t = mb_tenant('basic');
$die = false;
$m = mb_mailbox($t, ['logger' => function (string $level, string $message) use (&$die) {
    if ($die && str_contains($message, ' -> ')) {
        $die = false;
        @trigger_error('the logger dies on: ' . preg_replace('/ in \d+ ms$/', '', $message), E_USER_ERROR);
    }
}]);
$m->folders();
$die = true;
$m->folders();
echo "not reached\n";
?>
--EXPECTF--
Fatal error: the logger dies on: GET /me/mailFolders -> 200 in %s on line %d
--- shutdown
folders again: ok
saveMime: ok
