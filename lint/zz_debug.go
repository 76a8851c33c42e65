package lint
var debugLint = false
