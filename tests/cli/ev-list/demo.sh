# make demo's script on the bundled example data: the December agenda in
# German and its calendar grid (it pins TZ and EV_NOW itself).
sh "$TOP/examples/demo.sh"
