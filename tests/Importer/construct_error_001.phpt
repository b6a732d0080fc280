--TEST--
Importer::__construct(): an unknown option is a ValueError naming it and the known ones (a typo never passes silently); non-string keys too
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; ?>
--FILE--
<?php
$config = new SqzGraph\Config(['flow' => 'client_credentials', 'tenant_id' => 'contoso.example', 'client_id' => 'c',
    'client_secret' => 's', 'mailbox' => 'a@contoso.example', 'graph_endpoint' => 'http://127.0.0.1:9/v1.0']);
$store = new SqzGraph\FileStore(sys_get_temp_dir() . '/sqzgraph-im-ce1-' . getmypid());
$mailbox = new SqzGraph\Mailbox(new SqzGraph\Authenticator($config, $store));
foreach ([['max_mesages' => 10], ['require_attachment' => true], ['Max_Messages' => 1], [0 => 'x'], ['max_messages' => 5, 'dry_run' => true]] as $o) {
    try {
        new SqzGraph\Importer($mailbox, $store, $o);
        echo "accepted\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
// a valid set, every option given
$im = new SqzGraph\Importer($mailbox, $store, ['max_messages' => 1, 'require_attachments' => false, 'attachment_types' => [],
    'include_inline' => true, 'max_message_size' => null, 'max_attempts' => 1, 'error_category' => null, 'fetch_ahead' => ['mime', 'attachments']]);
echo get_class($im), "\n";
echo get_class(new SqzGraph\Importer($mailbox, $store)), "\n";
try {
    $im->__construct($mailbox, $store);
} catch (Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
@rmdir(sys_get_temp_dir() . '/sqzgraph-im-ce1-' . getmypid());
?>
--EXPECT--
ValueError: SqzGraph\Importer::__construct(): Argument #3 ($options) contains the unknown option "max_mesages" (known: max_messages, require_attachments, attachment_types, include_inline, max_message_size, max_attempts, error_category, fetch_ahead)
ValueError: SqzGraph\Importer::__construct(): Argument #3 ($options) contains the unknown option "require_attachment" (known: max_messages, require_attachments, attachment_types, include_inline, max_message_size, max_attempts, error_category, fetch_ahead)
ValueError: SqzGraph\Importer::__construct(): Argument #3 ($options) contains the unknown option "Max_Messages" (known: max_messages, require_attachments, attachment_types, include_inline, max_message_size, max_attempts, error_category, fetch_ahead)
ValueError: SqzGraph\Importer::__construct(): Argument #3 ($options) must be an array with string keys
ValueError: SqzGraph\Importer::__construct(): Argument #3 ($options) contains the unknown option "dry_run" (known: max_messages, require_attachments, attachment_types, include_inline, max_message_size, max_attempts, error_category, fetch_ahead)
SqzGraph\Importer
SqzGraph\Importer
Error: SqzGraph\Importer is already constructed
