--TEST--
Config: the three folders must differ (case-insensitively, ignoring a leading slash); only inbox/exported/error
--SKIPIF--
<?php if (!extension_loaded('sqzgraph')) die('skip sqzgraph not loaded'); ?>
--FILE--
<?php
require __DIR__ . '/config.inc';
try_config(base_options(['folders' => ['exported' => 'inbox']]));
try_config(base_options(['folders' => ['error' => '/INBOX']]));
try_config(base_options(['folders' => ['inbox' => 'Scans', 'exported' => 'Done', 'error' => 'done']]));
try_config(base_options(['folders' => ['inbox' => 'Scans', 'exported' => 'Scans']]));
try_config(base_options(['folders' => ['inbx' => 'Scans']]));
try_config(base_options(['folders' => ['Inbox' => 'Scans']]));
try_config(base_options(['folders' => ['inbox' => '']]));
try_config(base_options(['folders' => ['inbox' => '/']]));
try_config(base_options(['folders' => ['error' => "Err\nor"]]));
// Paths and names that merely share a prefix are different folders.
echo json_encode((new SqzGraph\Config(base_options(['folders' => ['inbox' => 'Scans', 'exported' => 'Scans/Done', 'error' => '/Scans/Error']])))->toArray()['folders'], JSON_UNESCAPED_SLASHES), "\n";
?>
--EXPECT--
['folders'] folders must name three different folders; inbox "Inbox" and exported "inbox" are the same (names are compared case-insensitively, ignoring a leading '/')
['folders'] folders must name three different folders; inbox "Inbox" and error "/INBOX" are the same (names are compared case-insensitively, ignoring a leading '/')
['folders'] folders must name three different folders; exported "Done" and error "done" are the same (names are compared case-insensitively, ignoring a leading '/')
['folders'] folders must name three different folders; inbox "Scans" and exported "Scans" are the same (names are compared case-insensitively, ignoring a leading '/')
['folders'] folders has an unknown key "inbx"; the keys are inbox, exported and error
['folders'] folders has an unknown key "Inbox"; the keys are inbox, exported and error
['folders'] folders["inbox"] must be a folder name or path such as 'Inbox' or 'Inbox/Scans'; got ""
['folders'] folders["inbox"] must be a folder name or path such as 'Inbox' or 'Inbox/Scans'; got "/"
['folders'] folders["error"] must be a folder name or path such as 'Inbox' or 'Inbox/Scans'; got "Err\x0aor"
{"inbox":"Scans","exported":"Scans/Done","error":"/Scans/Error"}
