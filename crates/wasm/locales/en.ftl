js-bad-survey = The survey definition was not accepted: { $detail }
js-bad-files = { $count ->
    [one] One file was not read; nothing was read.
   *[other] { $count } files were not read; nothing was read.
}
js-conflicts = { $count ->
    [one] One response id has different answers in different files; nothing was read.
   *[other] { $count } response ids have different answers in different files; nothing was read.
}
js-bad-options = Wrong options: { $detail }
js-other-survey = These responses were read for survey { $read }, not for { $given }.
js-no-inputs = A report needs at least one survey with its responses.
