import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: {
    width: 'auto',
    height: 30,
  },
  text: {
    fill: '#7df3e1',
    fontFamily: 'Helvetica, Arial, sans-serif',
    fontWeight: 700,
  },
});

/** The Unyo word mark, with 運用 ("operations") beside it. */
export const LogoFull = () => {
  const classes = useStyles();
  return (
    <svg
      className={classes.svg}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 200 48"
      role="img"
      aria-label="Unyo"
    >
      <text className={classes.text} x="0" y="38" fontSize="40">
        Unyo
      </text>
      <text className={classes.text} x="110" y="38" fontSize="30">
        運用
      </text>
    </svg>
  );
};
