//go:build !race

package paper

// raceDetector is off (see race_test.go).
const raceDetector = false
