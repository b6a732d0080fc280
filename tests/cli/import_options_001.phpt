--TEST--
sqzgraph CLI sqz_cli_import_options(): each [import] key's accepted spellings become the Importer option's type (bools, K/M/G sizes, comma lists, none = no category); empty = not set
--SKIPIF--
<?php require __DIR__ . '/../Authenticator/skipif.inc'; ?>
--FILE--
<?php
const SQZ_CLI_LIBRARY = true;
require __DIR__ . '/../../scripts/sqzgraph';
$show = function (array $values): void {
    try {
        $options = sqz_cli_import_options($values, 'F: [import]', SQZ_CLI_HUMAN);
        echo json_encode($values), ' => ', json_encode($options), "\n";
    } catch (SqzCliError $e) {
        echo json_encode($values), ' => exit ', $e->getCode(), ': ', $e->getMessage(), "\n";
    }
};
foreach (['true', 'Yes', 'on', '1', 'false', 'NO', 'off', '0'] as $v) {
    $show(['require_attachments' => $v]);
}
$show(['include_inline' => 'true']);
foreach (['1', '512K', '25M', '25 MB', '25MiB', '1G', '100b', '999999999999'] as $v) {
    $show(['max_message_size' => $v]);
}
$show(['attachment_types' => ' pdf , .TIF,image/*, application/vnd.ms-excel,, ']);
$show(['attachment_types' => ['pdf', 'image/png']]);
$show(['max_messages' => '500', 'max_attempts' => '3']);
$show(['error_category' => 'Squeeze: needs a look']);
$show(['error_category' => 'none']);
$show(['error_category' => '', 'max_messages' => '', 'require_attachments' => ' ']);
$show(['max_message_size' => '1T']);
$show(['max_messages' => '1e3']);
$show(['error_category' => str_repeat('x', 201)]);
?>
--EXPECT--
{"require_attachments":"true"} => {"require_attachments":true}
{"require_attachments":"Yes"} => {"require_attachments":true}
{"require_attachments":"on"} => {"require_attachments":true}
{"require_attachments":"1"} => {"require_attachments":true}
{"require_attachments":"false"} => {"require_attachments":false}
{"require_attachments":"NO"} => {"require_attachments":false}
{"require_attachments":"off"} => {"require_attachments":false}
{"require_attachments":"0"} => {"require_attachments":false}
{"include_inline":"true"} => {"include_inline":true}
{"max_message_size":"1"} => {"max_message_size":1}
{"max_message_size":"512K"} => {"max_message_size":524288}
{"max_message_size":"25M"} => {"max_message_size":26214400}
{"max_message_size":"25 MB"} => {"max_message_size":26214400}
{"max_message_size":"25MiB"} => {"max_message_size":26214400}
{"max_message_size":"1G"} => {"max_message_size":1073741824}
{"max_message_size":"100b"} => {"max_message_size":100}
{"max_message_size":"999999999999"} => {"max_message_size":999999999999}
{"attachment_types":" pdf , .TIF,image\/*, application\/vnd.ms-excel,, "} => {"attachment_types":["pdf",".TIF","image\/*","application\/vnd.ms-excel"]}
{"attachment_types":["pdf","image\/png"]} => {"attachment_types":["pdf","image\/png"]}
{"max_messages":"500","max_attempts":"3"} => {"max_messages":500,"max_attempts":3}
{"error_category":"Squeeze: needs a look"} => {"error_category":"Squeeze: needs a look"}
{"error_category":"none"} => {"error_category":null}
{"error_category":"","max_messages":"","require_attachments":" "} => []
{"max_message_size":"1T"} => exit 2: F: [import]: max_message_size must be a size in bytes, optionally with K, M or G (e.g. 25M), got '1T'
{"max_messages":"1e3"} => exit 2: F: [import]: max_messages must be a whole number from 1 to 999999999, got '1e3'
{"error_category":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"} => exit 2: F: [import]: error_category must be at most 200 bytes without control characters (or none for no category)