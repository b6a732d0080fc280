--TEST--
A logger that calls back into the Mailbox while a request of the same process is in flight works (the nested request gets a connection of its own) instead of spinning forever in curl_multi_perform: during Mailbox::folders() and during a whole import, whose report and moves are unchanged
--SKIPIF--
<?php require __DIR__ . '/skipif.inc'; ?>
--FILE--
<?php
require __DIR__ . '/common.inc';
function show(string $label, mixed $v): void { echo $label, ": ", is_scalar($v) ? var_export($v, true) : json_encode($v), "\n"; }
$f = im_start('basic');
$mailbox = null;
$nested = 0;
$errors = [];
$logger = function (string $level, string $message) use (&$mailbox, &$nested, &$errors) {
    static $inside = false;
    if ($mailbox === null || $inside || !str_contains($message, ' -> ')) {
        return;
    }
    $inside = true;     // one nested call per line, not a nested call per nested line
    try {
        $nested++;
        $mailbox->resolveFolder('Exported');
    } catch (Throwable $e) {
        $errors[] = get_class($e) . ': ' . $e->getMessage();
    } finally {
        $inside = false;
    }
};
$mailbox = im_mailbox($f, $logger);
$paths = array_map(fn ($x) => $x->path, $mailbox->folders());
show('folders', in_array('Exported', $paths, true) && in_array('Inbox', $paths, true));
show('nested calls during folders()', $nested > 0);
$nested = 0;
$im = new SqzGraph\Importer($mailbox, new SqzGraph\FileStore($f->storeDir), ['max_messages' => 5]);
$r = $im->run(fn (SqzGraph\Message $m) => true);
im_report($f, $r, false);
show('nested calls during the import', $nested > 0);
show('errors', $errors);
echo 'moved to Exported: ', count($f->t->messagesIn(IM_ADMIN, 'Exported')), "\n";
// The logger holds the Mailbox (through the reference) and the Mailbox's Config holds the logger: a
// cycle, which only the cycle collector frees, and PHP does not run it at shutdown (under valgrind the
// objects would show up as leaked). Broken here, as a long-running worker's collector would.
$im = $mailbox = null;
?>
--EXPECT--
folders: true
nested calls during folders(): true
imported=5 failed=0 deferred=0 vanished=0 resumed=0 locked=false aborted=NULL
nested calls during the import: true
errors: []
moved to Exported: 5
