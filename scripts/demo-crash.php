<?php
// The demo's stand-in for a Squeeze import job that dies on one message (a
// PDF library crashing on a malformed file, the OOM killer, ...): it runs the
// Importer on the mailbox of an INI file, leaves every other message in the
// Inbox (RetryLaterException) and kills its own process with SIGKILL inside
// the handler of the first message whose subject starts with PREFIX. The
// Importer's journal remembers the started attempt: once max_attempts are
// used up, the next import sends that message to Error as "poison".
//   php -d extension=.../sqzgraph.so scripts/demo-crash.php INI PREFIX
declare(strict_types=1);

const SQZ_CLI_LIBRARY = true;   // the CLI's INI reading, without running a command
require __DIR__ . '/sqzgraph';

[$self, $ini, $prefix] = $argv + [1 => '', 2 => ''];
if ($ini === '' || $prefix === '') {
    fwrite(STDERR, "usage: php scripts/demo-crash.php INI SUBJECT-PREFIX\n");
    exit(64);
}
$m = sqz_cli_open($ini, false);
// no [import] options: every message reaches the handler, none is moved
$importer = new SqzGraph\Importer(new SqzGraph\Mailbox($m->auth), $m->importStore());   // store_dir or store_dsn
$report = $importer->run(static function (SqzGraph\Message $msg) use ($prefix): void {
    if (str_starts_with((string) $msg->subject, $prefix)) {
        echo "the import job dies inside the handler of \"{$msg->subject}\" (SIGKILL)\n";
        posix_kill(getmypid(), SIGKILL);
    }
    throw new SqzGraph\RetryLaterException('left for the import job');
});
fwrite(STDERR, "demo-crash: no message's subject starts with '$prefix' (deferred {$report->deferred})\n");
exit(1);
