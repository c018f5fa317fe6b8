# make demo's script on the bundled example data: the December agenda in
# German, its calendar grid and two ev-filter runs (it pins TZ and EV_NOW
# itself).
sh "$TOP/examples/demo.sh"
