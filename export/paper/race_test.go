//go:build race

package paper

// raceDetector is on: it takes much memory and time of its own, and the
// limits of the tests do not hold.
const raceDetector = true
