# make demo's script on the bundled example data: the December agenda in
# German, its calendar grid, two ev-filter runs, the newsroom and the
# weekend's tips article (it pins TZ and EV_NOW itself).
sh "$TOP/examples/demo.sh"
