// Package bench is Quorum's performance bench: its tests generate a large
// database (5,000 meetings, 60,000 agenda items, 20,000 actions, 2,000
// people, 3,000 papers) once, keep it between runs, and time what users
// wait for on it. `make bench` runs them and writes results.txt.
package bench
