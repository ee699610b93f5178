import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { ReactNode } from 'react';

export interface DefinitionListItem {
  label: string;
  value: ReactNode;
}

/** Label/value rows, as the catalog's about card lays them out. */
export function DefinitionList(props: { items: DefinitionListItem[] }) {
  return (
    <Box
      component="dl"
      sx={{
        display: 'grid',
        gridTemplateColumns: { xs: '1fr', sm: 'minmax(8rem, max-content) 1fr' },
        columnGap: 3,
        rowGap: 1.5,
        m: 0,
      }}
    >
      {props.items.map(item => (
        <Box key={item.label} sx={{ display: 'contents' }}>
          <Typography
            component="dt"
            variant="overline"
            color="text.secondary"
            sx={{ lineHeight: 1.8 }}
          >
            {item.label}
          </Typography>
          <Box
            component="dd"
            sx={{ m: 0, typography: 'body2', alignSelf: 'center' }}
          >
            {item.value}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
