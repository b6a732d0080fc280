--TEST--
Importer::__construct(): wrong option types are TypeErrors, out-of-range values ValueErrors, each naming the option
--SKIPIF--
<?php require __DIR__ . '/../skipif.inc'; ?>
--FILE--
<?php
$dir = sys_get_temp_dir() . '/sqzgraph-im-ce2-' . getmypid();
$config = new SqzGraph\Config(['flow' => 'client_credentials', 'tenant_id' => 'contoso.example', 'client_id' => 'c',
    'client_secret' => 's', 'mailbox' => 'a@contoso.example', 'graph_endpoint' => 'http://127.0.0.1:9/v1.0']);
$store = new SqzGraph\FileStore($dir);
$mailbox = new SqzGraph\Mailbox(new SqzGraph\Authenticator($config, $store));
$cases = [
    ['max_messages' => '10'], ['max_messages' => 10.0], ['max_messages' => null], ['max_messages' => 0], ['max_messages' => -5],
    ['require_attachments' => 1], ['require_attachments' => 'yes'], ['include_inline' => null],
    ['max_message_size' => '1MB'], ['max_message_size' => 0], ['max_message_size' => 1.5],
    ['max_attempts' => 0], ['max_attempts' => '3'],
    ['error_category' => 42], ['error_category' => false], ['error_category' => str_repeat('x', 201)], ['error_category' => "a\0b"],
    ['attachment_types' => 'pdf'], ['attachment_types' => [42]], ['attachment_types' => ['']], ['attachment_types' => ["pd\0f"]],
    ['attachment_types' => ['pdf', 'x' => 'png']], ['attachment_types' => null],
];
foreach ($cases as $o) {
    try {
        new SqzGraph\Importer($mailbox, $store, $o);
        echo 'accepted ', json_encode($o), "\n";
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
foreach ([[$mailbox, 'not a store'], [$store, $store]] as [$a, $b]) {
    try {
        new SqzGraph\Importer($a, $b);
    } catch (TypeError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
$im = new SqzGraph\Importer($mailbox, $store);
foreach ([['not callable'], [fn () => 1, 'nope']] as $args) {
    try {
        $im->run(...$args);
    } catch (TypeError $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
@rmdir($dir);
?>
--EXPECT--
TypeError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "max_messages" must be of type int, string given
TypeError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "max_messages" must be of type int, float given
TypeError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "max_messages" must be of type int, null given
ValueError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "max_messages" must be at least 1
ValueError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "max_messages" must be at least 1
TypeError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "require_attachments" must be of type bool, int given
TypeError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "require_attachments" must be of type bool, string given
TypeError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "include_inline" must be of type bool, null given
TypeError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "max_message_size" must be of type int, string given
ValueError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "max_message_size" must be at least 1
TypeError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "max_message_size" must be of type int, float given
ValueError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "max_attempts" must be at least 1
TypeError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "max_attempts" must be of type int, string given
TypeError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "error_category" must be of type ?string, int given
TypeError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "error_category" must be of type ?string, bool given
ValueError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "error_category" must be at most 200 bytes without NUL bytes
ValueError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "error_category" must be at most 200 bytes without NUL bytes
TypeError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "attachment_types" must be of type array, string given
TypeError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "attachment_types" must be a list of strings, int found
ValueError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "attachment_types" must not contain an empty string or NUL bytes
ValueError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "attachment_types" must not contain an empty string or NUL bytes
ValueError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "attachment_types" must be a list
TypeError: SqzGraph\Importer::__construct(): Argument #3 ($options) option "attachment_types" must be of type array, null given
TypeError: SqzGraph\Importer::__construct(): Argument #2 ($store) must be of type SqzGraph\Store, string given
TypeError: SqzGraph\Importer::__construct(): Argument #1 ($mailbox) must be of type SqzGraph\Mailbox, SqzGraph\FileStore given
TypeError: SqzGraph\Importer::run(): Argument #1 ($handler) must be a valid callback, function "not callable" not found or invalid function name
TypeError: SqzGraph\Importer::run(): Argument #2 ($progress) must be a valid callback or null, function "nope" not found or invalid function name
